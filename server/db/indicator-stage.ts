/**
 * The staging table of an indicator import. Rows wait in it, inside the import's transaction,
 * while the enterprise each names (by id or by credit code) is looked up, then replace their
 * enterprise-years in one merge. A temporary table: it goes with the transaction's connection.
 */
import { appendRecords } from './bulk.ts';
import type { Queryable } from './database.ts';
import { type Columns, columnNames, INDICATOR_COLUMNS } from './tables.ts';

/** The indicators table's columns, then the enterprise as the file names it and the file row. */
export const INDICATOR_STAGE_COLUMNS: Columns = [...INDICATOR_COLUMNS, ['_ref', 'VARCHAR'], ['_ref_kind', 'VARCHAR'], ['_row', 'INTEGER']];
const COLUMN_LIST = columnNames(INDICATOR_COLUMNS).join(', ');

/** A staged row whose enterprise was not found, or (`ambiguous`) whose credit code two enterprises share. */
export interface UnmatchedIndicator {
  row: number;
  ref: string;
  kind: 'id' | 'credit_code';
  ambiguous: boolean;
}

export class IndicatorStage {
  private constructor(private readonly tx: Queryable) {}

  static async create(tx: Queryable): Promise<IndicatorStage> {
    await tx.run(
      'CREATE OR REPLACE TEMP TABLE stage_indicators AS SELECT *, NULL::VARCHAR AS _ref, NULL::VARCHAR AS _ref_kind, NULL::INTEGER AS _row FROM indicators LIMIT 0',
    );
    return new IndicatorStage(tx);
  }

  /** Records keyed by INDICATOR_STAGE_COLUMNS; answers how many were appended. */
  append(records: readonly Record<string, unknown>[]): Promise<number> {
    return appendRecords(this.tx, 'stage_indicators', INDICATOR_STAGE_COLUMNS, records);
  }

  /**
   * Names each staged row's enterprise, then takes the rows that name none out of the stage and
   * answers them, in file order. A credit code shared by two enterprises cannot say which is meant.
   */
  async resolveEnterprises(): Promise<UnmatchedIndicator[]> {
    const tx = this.tx;
    await tx.run(`UPDATE stage_indicators SET enterprise_id = _ref WHERE _ref_kind = 'id' AND _ref IN (SELECT id FROM enterprises)`);
    await tx.run(
      `UPDATE stage_indicators SET enterprise_id = m.id
       FROM (SELECT credit_code, min(id) AS id FROM enterprises WHERE credit_code IS NOT NULL GROUP BY credit_code HAVING count(*) = 1) m
       WHERE _ref_kind = 'credit_code' AND m.credit_code = stage_indicators._ref`,
    );
    const unmatched = await tx.all<UnmatchedIndicator>(
      `SELECT s._row AS row, s._ref AS ref, s._ref_kind AS kind,
              (SELECT count(*) FROM enterprises e WHERE e.credit_code = s._ref) > 1 AS ambiguous
       FROM stage_indicators s WHERE s.enterprise_id IS NULL ORDER BY s._row`,
    );
    await tx.run('DELETE FROM stage_indicators WHERE enterprise_id IS NULL');
    return unmatched;
  }

  /**
   * Moves the staged rows into indicators: each replaces its enterprise-year, or with `replace`
   * the rows become the whole table. Their enterprises are marked changed (all of them with
   * `replace`), since indicators feed the energy and water rules and so re-screening. Answers how
   * many enterprise-years were replaced.
   */
  async merge(replace: boolean): Promise<number> {
    const tx = this.tx;
    let updated = 0;
    if (replace) {
      await tx.run('DELETE FROM indicators');
    } else {
      updated =
        (
          await tx.one<{ n: number }>(
            'SELECT count(*) AS n FROM indicators i SEMI JOIN stage_indicators s ON s.enterprise_id = i.enterprise_id AND s.year = i.year',
          )
        )?.n ?? 0;
      await tx.run(
        'DELETE FROM indicators i WHERE EXISTS (SELECT 1 FROM stage_indicators s WHERE s.enterprise_id = i.enterprise_id AND s.year = i.year)',
      );
    }
    await tx.run(`INSERT INTO indicators (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM stage_indicators ORDER BY _row`);
    await tx.run(
      replace
        ? 'UPDATE enterprises SET updated_at = current_timestamp::TIMESTAMP'
        : 'UPDATE enterprises SET updated_at = current_timestamp::TIMESTAMP WHERE id IN (SELECT DISTINCT enterprise_id FROM stage_indicators)',
    );
    return updated;
  }

  async drop(): Promise<void> {
    await this.tx.run('DROP TABLE stage_indicators');
  }
}
