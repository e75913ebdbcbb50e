/** What a zone or region import asks of the stored layers, beyond reading and writing them (zone-store.ts). */

import type { Queryable } from './database.ts';
import { listValue } from './duckdb.ts';

/** The kind each of these zone ids is stored under, for the ids that are stored. */
export async function storedZoneKinds(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  // DuckDB cannot type an empty list parameter, so an empty list asks nothing.
  if (ids.length === 0) return new Map();
  const rows = await q.all<{ id: string; kind: string }>('SELECT id, kind FROM zones WHERE list_contains($ids, id)', {
    ids: listValue([...ids]),
  });
  return new Map(rows.map((z) => [z.id, z.kind]));
}

/** How many of these zone ids are stored. */
export async function countStoredZones(q: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (
    (await q.one<{ n: number }>('SELECT count(*) AS n FROM zones WHERE list_contains($ids, id)', { ids: listValue([...ids]) }))?.n ?? 0
  );
}

/** The codes of the stored regions. */
export async function storedRegionCodes(q: Queryable): Promise<Set<string>> {
  return new Set((await q.all<{ code: string }>('SELECT code FROM regions')).map((r) => r.code));
}

export async function deleteAllRegions(q: Queryable): Promise<void> {
  await q.run('DELETE FROM regions');
}
