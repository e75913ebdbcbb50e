/** Streams a query's rows in chunks, for export tables whose rows() replays the query each time. */
import type { Params, Queryable } from '../db/database.ts';

export async function* queryRows(q: Queryable, sql: string, params?: Params): AsyncGenerator<unknown[][]> {
  const result = await q.connection.stream(sql, params);
  for await (const rows of result.yieldRowsJs()) {
    yield rows.map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  }
}
