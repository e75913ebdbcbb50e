/**
 * Checks across the rows of an enterprise import and against the database, over the staged rows
 * (EnterpriseStage runs them in SQL). See import-enterprises.ts for what an id clash means.
 */
import type { EnterpriseStage } from '../db/enterprise-stage.ts';
import { creditCodeProblem } from '../domain/credit-code.ts';
import { reason } from '../domain/reasons.ts';
import type { ColumnMapping } from './columns.ts';
import type { Resolution } from './import-pipeline.ts';
import { problem } from './problems.ts';

/**
 * Duplicate ids in the file are errors and duplicate credit codes warnings; unless the layer is
 * replaced, credit codes held by other stored enterprises warn, and stored ids are checked for a
 * different legal entity. Refused rows are taken out of the stage.
 */
export async function checkStagedEnterprises(stage: EnterpriseStage, columns: ColumnMapping, replace: boolean): Promise<Resolution> {
  const idField = columns.fields.id ?? columns.fields.credit_code ?? 'id';
  const codeField = columns.fields.credit_code ?? 'credit_code';
  const found: Resolution = { errors: [], warnings: [], refused: [] };
  for (const d of await stage.duplicateIds()) {
    found.errors.push(problem(d.row, idField, d.id, reason('import_duplicate_id', { first: d.first })));
    found.refused.push(d.row);
  }
  for (const d of await stage.duplicateCreditCodes()) {
    found.warnings.push(problem(d.row, codeField, d.credit_code, reason('import_credit_code_in_file', { other: d.other })));
  }
  if (!replace) {
    for (const r of await stage.creditCodesTakenInDatabase()) {
      found.warnings.push(problem(r.row, codeField, r.credit_code, reason('import_credit_code_in_database', { other: r.other })));
    }
    for (const r of await stage.idClashesWithDatabase()) {
      // Two legal entities under one id when both codes pass their check; else a correction.
      if (!creditCodeProblem(r.code) && !creditCodeProblem(r.stored)) {
        found.errors.push(problem(r.row, idField, r.id, reason('import_id_in_database', { name: r.name, stored: r.stored, code: r.code })));
        found.refused.push(r.row);
      } else {
        found.warnings.push(problem(r.row, codeField, r.code, reason('import_credit_code_changed', { id: r.id, stored: r.stored })));
      }
    }
  }
  await stage.remove(found.refused);
  return found;
}
