/**
 * The facts of given enterprises where they stand, as screening builds them (load-batch.ts and
 * factsOfBatch), with their zone hits found afresh by the context's finder, so that where they
 * stand and where they would go are judged by the same zones and bands.
 */
import type { Queryable } from '../db/database.ts';
import { readScopeIds } from '../db/relocation-store.ts';
import { dropScreenScope, stageScreenScope } from '../db/screen-scope-store.ts';
import type { EnterpriseFacts } from '../domain/screening/facts.ts';
import { factsOfBatch } from '../domain/screening/screen-batch.ts';
import { dropChildRows, loadBatch, loadScope, stageChildRows } from '../screening/load-batch.ts';
import { hitIndex, type RelocationContext } from './relocation-context.ts';

export interface OriginFacts {
  facts: EnterpriseFacts;
  lon: number;
  lat: number;
}

/** By enterprise id; ids that name no enterprise are absent. Runs in the caller's transaction. */
export async function loadOrigins(tx: Queryable, ids: readonly string[], context: RelocationContext): Promise<Map<string, OriginFacts>> {
  const out = new Map<string, OriginFacts>();
  const n = await stageScreenScope(tx, ids);
  try {
    if (n === 0) return out;
    const scope = await loadScope(tx);
    const rows = await readScopeIds(tx);
    const hits = hitIndex(context.finder, scope.lon, scope.lat);
    await stageChildRows(tx, context.asOf, context.plan.needs());
    try {
      const batch = await loadBatch(tx, scope, hits, 0, n);
      const facts = factsOfBatch(batch, context.zoneTable, context.asOf);
      facts.forEach((f, i) => {
        const id = rows[i]?.id as string;
        out.set(id, { facts: { ...f, id }, lon: scope.lon[i] as number, lat: scope.lat[i] as number });
      });
    } finally {
      await dropChildRows(tx);
    }
  } finally {
    await dropScreenScope(tx);
  }
  return out;
}
