/**
 * The staging table of an enterprise import. Rows wait in it, inside the import's transaction, for
 * the checks across rows and against the database, then move into `enterprises` in one merge. It
 * is a temporary table, so it belongs to the transaction's connection and goes with it: a failed
 * import leaves nothing behind. The checks run in SQL here because a million-key Map in JS costs
 * seconds of garbage collection.
 */

import { appendRows } from './bulk.ts';
import type { Queryable } from './database.ts';
import { listValue } from './duckdb.ts';
import { REBUILD_THRESHOLD, rebuildTable } from './rebuild-table.ts';
import { recordEnterprisesDeleted } from './screening-run-store.ts';
import { columnNames, ENTERPRISE_COLUMNS } from './tables.ts';

const COLUMN_LIST = columnNames(ENTERPRISE_COLUMNS).join(', ');
/** Tables keyed by enterprise_id that a --replace clears for enterprises no longer present. */
const CHILD_TABLES = ['indicators', 'equipment', 'compliance'] as const;

export interface DuplicateId {
  row: number;
  id: string;
  /** The row that used the id first. */
  first: number;
}

export interface DuplicateCreditCode {
  row: number;
  credit_code: string;
  /** The id of another row (or, against the database, enterprise) with the same code. */
  other: string;
}

export interface StoredIdClash {
  row: number;
  id: string;
  /** The row's credit code and the stored enterprise's. */
  code: string;
  stored: string;
  name: string;
}

export class EnterpriseStage {
  private constructor(private readonly tx: Queryable) {}

  static async create(tx: Queryable): Promise<EnterpriseStage> {
    await tx.run('CREATE OR REPLACE TEMP TABLE stage_enterprises AS SELECT *, NULL::INTEGER AS _row FROM enterprises LIMIT 0');
    return new EnterpriseStage(tx);
  }

  /** Rows in ENTERPRISE_COLUMNS order, then the file row; answers how many were appended. */
  append(rows: readonly (readonly unknown[])[]): Promise<number> {
    return appendRows(this.tx, 'stage_enterprises', rows);
  }

  /** Every staged row whose id an earlier row already used. */
  duplicateIds(): Promise<DuplicateId[]> {
    return this.tx.all<DuplicateId>(
      `SELECT s._row AS row, s.id, f.first FROM stage_enterprises s
       JOIN (SELECT id, min(_row) AS first FROM stage_enterprises GROUP BY id HAVING count(*) > 1) f ON f.id = s.id
       WHERE s._row > f.first ORDER BY s._row`,
    );
  }

  /** Rows (the first 10,000) whose credit code an earlier row of another id already carries. */
  duplicateCreditCodes(): Promise<DuplicateCreditCode[]> {
    return this.tx.all<DuplicateCreditCode>(
      `SELECT s._row AS row, s.credit_code, f.other FROM stage_enterprises s
       JOIN (SELECT credit_code, min(_row) AS first, arg_min(id, _row) AS other FROM stage_enterprises
             WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) > 1) f ON f.credit_code = s.credit_code
       WHERE s._row > f.first AND s.id <> f.other ORDER BY s._row LIMIT 10000`,
    );
  }

  /** Rows (the first 1,000) whose credit code a stored enterprise of another id holds. */
  creditCodesTakenInDatabase(): Promise<DuplicateCreditCode[]> {
    return this.tx.all<DuplicateCreditCode>(
      `SELECT s._row AS row, s.credit_code, min(e.id) AS other FROM stage_enterprises s
       JOIN enterprises e ON e.credit_code = s.credit_code AND e.id <> s.id
       GROUP BY s._row, s.credit_code ORDER BY s._row LIMIT 1000`,
    );
  }

  /** Rows (the first 10,000) whose id is stored with a different credit code. */
  idClashesWithDatabase(): Promise<StoredIdClash[]> {
    return this.tx.all<StoredIdClash>(
      `SELECT s._row AS row, s.id, s.credit_code AS code, e.credit_code AS stored, e.name
       FROM stage_enterprises s JOIN enterprises e ON e.id = s.id
       WHERE s.credit_code IS NOT NULL AND e.credit_code IS NOT NULL AND s.credit_code <> e.credit_code
       ORDER BY s._row LIMIT 10000`,
    );
  }

  /** Takes the rows of these file rows out of the stage. */
  async remove(rows: readonly number[]): Promise<void> {
    // DuckDB cannot type an empty list parameter.
    if (rows.length === 0) return;
    await this.tx.run('DELETE FROM stage_enterprises WHERE list_contains($rows, _row)', { rows: listValue([...rows]) });
  }

  /**
   * Moves the staged rows into enterprises, by upsert or, with `replace`, as the whole layer,
   * keeping the key of every enterprise that already exists; answers how many replaced one.
   * Large rewrites rebuild the tables instead of deleting row by row (see rebuildTable).
   */
  async merge(replace: boolean): Promise<number> {
    const tx = this.tx;
    await tx.run('UPDATE stage_enterprises SET key = e.key FROM enterprises e WHERE e.id = stage_enterprises.id');
    const updated = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM stage_enterprises WHERE key IS NOT NULL'))?.n ?? 0;
    await tx.run(
      `UPDATE stage_enterprises SET key = base.k + fresh.rn
       FROM (SELECT id, row_number() OVER (ORDER BY _row) AS rn FROM stage_enterprises WHERE key IS NULL) fresh,
            (SELECT coalesce(max(key), 0) AS k FROM enterprises) base
       WHERE stage_enterprises.id = fresh.id`,
    );
    const existing = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM enterprises'))?.n ?? 0;
    const staged = `SELECT ${COLUMN_LIST} FROM stage_enterprises ORDER BY _row`;
    if (replace) {
      // Every stored enterprise not staged goes; the next screening must remove its results.
      if (existing > updated) await recordEnterprisesDeleted(tx);
      for (const table of CHILD_TABLES) {
        const orphans = `FROM ${table} WHERE enterprise_id NOT IN (SELECT id FROM stage_enterprises)`;
        const n = (await tx.one<{ n: number }>(`SELECT count(*) AS n ${orphans}`))?.n ?? 0;
        if (n > REBUILD_THRESHOLD)
          await rebuildTable(tx, table, `SELECT * FROM ${table} WHERE enterprise_id IN (SELECT id FROM stage_enterprises)`);
        else if (n > 0) await tx.run(`DELETE ${orphans}`);
      }
      if (existing > REBUILD_THRESHOLD) await rebuildTable(tx, 'enterprises', staged);
      else {
        await tx.run('DELETE FROM enterprises');
        await tx.run(`INSERT INTO enterprises (${COLUMN_LIST}) ${staged}`);
      }
    } else if (updated > REBUILD_THRESHOLD) {
      await rebuildTable(
        tx,
        'enterprises',
        `SELECT ${COLUMN_LIST} FROM enterprises WHERE id NOT IN (SELECT id FROM stage_enterprises) UNION ALL SELECT * FROM (${staged})`,
      );
    } else {
      if (updated > 0) await tx.run('DELETE FROM enterprises WHERE id IN (SELECT id FROM stage_enterprises)');
      await tx.run(`INSERT INTO enterprises (${COLUMN_LIST}) ${staged}`);
    }
    return updated;
  }

  async drop(): Promise<void> {
    await this.tx.run('DROP TABLE stage_enterprises');
  }
}
