/**
 * Rewrites a table from a query and swaps it in, inside the caller's transaction.
 *
 * DuckDB deletes rows from an indexed table one index entry at a time: removing a million
 * enterprises (PRIMARY KEY and UNIQUE) takes tens of seconds, and as long again at commit. Building
 * a fresh table and dropping the old one takes about one. The new table is made from the old one's
 * own DDL, so constraints, defaults and indexes stay exactly as the migrations made them.
 */
import type { Queryable } from './database.ts';

/** Above this many rows to delete, rebuilding beats deleting. */
export const REBUILD_THRESHOLD = 20_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * `table` must come from an allow-list (it is spliced into DDL); `select` yields every column of
 * the table in its order.
 */
export async function rebuildTable(tx: Queryable, table: string, select: string, params?: Record<string, string | number>): Promise<void> {
  const ddl = await tx.one<{ sql: string }>('SELECT sql FROM duckdb_tables() WHERE table_name = $table AND NOT temporary', { table });
  if (!ddl) throw new Error(`no table ${table} to rebuild`);
  const indexes = await tx.all<{ sql: string }>('SELECT sql FROM duckdb_indexes() WHERE table_name = $table AND sql IS NOT NULL', {
    table,
  });
  const fresh = `${table}__rebuilt`;
  const create = ddl.sql.replace(new RegExp(`^CREATE TABLE ${table}\\s*\\(`), `CREATE TABLE ${quote(fresh)}(`);
  if (create === ddl.sql) throw new Error(`cannot rewrite the DDL of ${table}: ${ddl.sql.slice(0, 60)}`);
  await tx.run(`DROP TABLE IF EXISTS ${quote(fresh)}`);
  await tx.run(create);
  await tx.run(`INSERT INTO ${quote(fresh)} ${select}`, params);
  await tx.run(`DROP TABLE ${quote(table)}`);
  await tx.run(`ALTER TABLE ${quote(fresh)} RENAME TO ${quote(table)}`);
  for (const index of indexes) await tx.run(index.sql);
}
