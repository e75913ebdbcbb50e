/**
 * Whether the zone hits the last screening stored still answer a zone-hits question: they do while
 * no import has changed enterprises or zones since that run (the data version and the zones' change
 * time it recorded) and its band for every zone kind reaches the distance asked. Screening keeps
 * them current after every import, so the usual export is a copy of them, the way a database
 * answers from a materialized join; any doubt sends the export back to the spatial join.
 */
import type { Queryable } from '../db/database.ts';
import { getMeta } from '../db/meta-store.ts';
import { lastRun } from '../db/screening-run-store.ts';
import { ZONE_KINDS } from '../domain/zone.ts';

export async function storedHitsAnswer(q: Queryable, withinMetres: number): Promise<boolean> {
  const last = await lastRun(q);
  if (!last?.bands) return false;
  const dataVersion = Number((await getMeta(q, 'data_version')) ?? 0);
  const zonesChangedAt = (await getMeta(q, 'zones_changed_at')) ?? '';
  if (dataVersion !== last.data_version || zonesChangedAt > last.started_at) return false;
  let bands: Record<string, unknown>;
  try {
    bands = JSON.parse(last.bands) as Record<string, unknown>;
  } catch {
    return false;
  }
  // A kind without a band was found by containment alone (ZoneHitFinder's default of 0 m).
  return ZONE_KINDS.every((kind) => {
    const band = bands[kind] ?? 0;
    return typeof band === 'number' && band >= withinMetres;
  });
}
