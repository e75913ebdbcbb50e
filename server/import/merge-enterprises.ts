/** Moves staged enterprise rows into the enterprises table, by upsert or by replacing the layer. */
import type { Queryable } from '../db/database.ts';
import { REBUILD_THRESHOLD, rebuildTable } from '../db/rebuild-table.ts';
import { columnNames, ENTERPRISE_COLUMNS } from '../db/tables.ts';

const COLUMN_LIST = columnNames(ENTERPRISE_COLUMNS).join(', ');
/** Tables keyed by enterprise_id that a --replace clears for enterprises no longer present. */
const CHILD_TABLES = ['indicators', 'equipment', 'compliance'] as const;

/**
 * Moves staged rows into enterprises, keeping the key of every enterprise that already exists.
 * Large rewrites rebuild the tables instead of deleting row by row (see rebuildTable).
 */
export async function mergeStage(tx: Queryable, replace: boolean): Promise<number> {
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
