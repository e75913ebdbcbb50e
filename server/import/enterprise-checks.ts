/**
 * Checks across the rows of an enterprise import and against the database, run in SQL over the
 * staged rows (a million-key map in JS costs seconds of garbage collection). See
 * import-enterprises.ts for what an id clash means.
 */
import type { Queryable } from '../db/database.ts';
import { creditCodeProblem } from '../domain/credit-code.ts';
import { reason } from '../domain/reasons.ts';
import { type Problem, problem } from './problems.ts';

/** Every staged row whose id an earlier row already used. */
export function duplicateIds(tx: Queryable) {
  return tx.all<{ row: number; id: string; first: number }>(
    `SELECT s._row AS row, s.id, f.first FROM stage_enterprises s
     JOIN (SELECT id, min(_row) AS first FROM stage_enterprises GROUP BY id HAVING count(*) > 1) f ON f.id = s.id
     WHERE s._row > f.first ORDER BY s._row`,
  );
}

export function duplicateCreditCodes(tx: Queryable) {
  return tx.all<{ row: number; credit_code: string; other: string }>(
    `SELECT s._row AS row, s.credit_code, f.other FROM stage_enterprises s
     JOIN (SELECT credit_code, min(_row) AS first, arg_min(id, _row) AS other FROM stage_enterprises
           WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) > 1) f ON f.credit_code = s.credit_code
     WHERE s._row > f.first AND s.id <> f.other ORDER BY s._row LIMIT 10000`,
  );
}

export async function creditCodesTakenInDatabase(tx: Queryable, codeField: string): Promise<Problem[]> {
  const rows = await tx.all<{ row: number; credit_code: string; other: string }>(
    `SELECT s._row AS row, s.credit_code, min(e.id) AS other FROM stage_enterprises s
     JOIN enterprises e ON e.credit_code = s.credit_code AND e.id <> s.id
     GROUP BY s._row, s.credit_code ORDER BY s._row LIMIT 1000`,
  );
  return rows.map((r) => problem(r.row, codeField, r.credit_code, reason('import_credit_code_in_database', { other: r.other })));
}

export async function idClashesWithDatabase(
  tx: Queryable,
  idField: string,
  codeField: string,
): Promise<{ errors: Problem[]; warnings: Problem[] }> {
  const rows = await tx.all<{ row: number; id: string; code: string; stored: string; name: string }>(
    `SELECT s._row AS row, s.id, s.credit_code AS code, e.credit_code AS stored, e.name
     FROM stage_enterprises s JOIN enterprises e ON e.id = s.id
     WHERE s.credit_code IS NOT NULL AND e.credit_code IS NOT NULL AND s.credit_code <> e.credit_code
     ORDER BY s._row LIMIT 10000`,
  );
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const r of rows) {
    if (!creditCodeProblem(r.code) && !creditCodeProblem(r.stored)) {
      errors.push(problem(r.row, idField, r.id, reason('import_id_in_database', { name: r.name, stored: r.stored, code: r.code })));
    } else {
      warnings.push(problem(r.row, codeField, r.code, reason('import_credit_code_changed', { id: r.id, stored: r.stored })));
    }
  }
  return { errors, warnings };
}
