/** Inside (or within a band of) a zone of the given kinds and types. */
import type { ZoneEvidence } from '../../flag.ts';
import type { EnterpriseFacts, ZoneHit } from '../../screening/facts.ts';
import type { ZoneConditionT } from '../rule-schema.ts';
import { NO, type Outcome, yes } from './outcome.ts';

export function matchZone(c: ZoneConditionT, facts: EnterpriseFacts): Outcome {
  const hits = facts.zones
    .filter(
      (z) =>
        c.kinds.includes(z.zone_kind) &&
        (!c.zone_types || (z.zone_type !== null && c.zone_types.includes(z.zone_type))) &&
        z.distance_m <= c.within_m &&
        (!c.outside_only || z.distance_m > 0),
    )
    .sort((a, b) => a.distance_m - b.distance_m || a.zone_id.localeCompare(b.zone_id));
  if (hits.length === 0) return NO;
  return yes(hits.map(evidenceOf));
}

/**
 * Evidence per zone hit. Screening hands every plant inside a zone the same hit object, so the
 * evidence object is shared too (and its text built once); the cache cannot go stale, since a
 * hit object is never changed.
 */
const EVIDENCE = new WeakMap<ZoneHit, ZoneEvidence>();

function evidenceOf(z: ZoneHit): ZoneEvidence {
  let e = EVIDENCE.get(z);
  if (!e) {
    e = {
      kind: 'zone',
      zone_id: z.zone_id,
      zone_name: z.zone_name,
      zone_kind: z.zone_kind,
      zone_type: z.zone_type,
      distance_m: Math.round(z.distance_m * 10) / 10,
    };
    // Hits outside a zone are one per plant: caching them would only fill the map.
    if (z.distance_m === 0) EVIDENCE.set(z, e);
  }
  return e;
}

/** The widest band any rule asks for, per zone kind: how far zone hits must be computed. */
export function bandsByKind(conditions: readonly ZoneConditionT[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of conditions) for (const k of c.kinds) out.set(k, Math.max(out.get(k) ?? 0, c.within_m));
  return out;
}
