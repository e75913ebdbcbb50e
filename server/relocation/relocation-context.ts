/**
 * What judging relocation sites needs from the database, loaded once per request (or once for
 * every moving enterprise): the rule plan as of the date, every zone indexed for zone hits with
 * the bands the rules need, and the parks with their site points.
 */
import type { Database, Queryable } from '../db/database.ts';
import { getMeta } from '../db/meta-store.ts';
import { type ParkWithGeometry, parksOf } from '../db/park-store.ts';
import { ruleSetVersion } from '../db/relocation-store.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { listZones } from '../db/zone-store.ts';
import type { JudgedSite } from '../domain/relocation/judge-site.ts';
import type { ZoneHit } from '../domain/screening/facts.ts';
import { RulePlan } from '../domain/screening/rule-plan.ts';
import type { ZoneTable } from '../domain/screening/screen-batch.ts';
import { HitBuffer, indexHitsByPoint, ZoneHitFinder } from '../domain/screening/zone-hit-finder.ts';

/** The UTC date, as screening defaults to (run-screening.ts); not imported from there, which would load the whole pipeline. */
const today = () => new Date().toISOString().slice(0, 10);

export interface RelocationContext {
  asOf: string;
  plan: RulePlan;
  ruleSetVersion: number;
  zoneTable: ZoneTable;
  finder: ZoneHitFinder;
  parks: ParkWithGeometry[];
  /** The parks as sites with their zone hits, found on first use and kept with the context. */
  parkSites?: { site: JudgedSite; hits: ZoneHit[] }[];
}

/**
 * The last context loaded from each database, kept while the data, rules, zones and date it was
 * loaded for are unchanged: indexing the zones and reading the parks is most of a single
 * enterprise's suggestion otherwise.
 */
const cached = new WeakMap<Database, { key: string; context: Promise<RelocationContext> }>();

/** The context for `asOf`, loaded through `q` (a transaction of `db`) or reused from `db`'s last. */
export async function relocationContext(db: Database, q: Queryable, asOf: string = today()): Promise<RelocationContext> {
  // The version alone decides whether the cached context is current: parsing the rule set is not free.
  const version = await ruleSetVersion(q);
  const key = await reachKey(q, { asOf, ruleSetVersion: version ?? 0 });
  const hit = cached.get(db);
  if (hit?.key === key) return hit.context;
  const context = loadRelocationContext(q, asOf);
  cached.set(db, { key, context });
  context.catch(() => cached.delete(db));
  return context;
}

export async function loadRelocationContext(q: Queryable | Database, asOf: string = today()): Promise<RelocationContext> {
  const stored = await activeRuleSet(q);
  const plan = new RulePlan(stored.ruleSet, asOf);
  const zones = await listZones(q);
  const zoneTable: ZoneTable = {
    id: zones.map((z) => z.id),
    name: zones.map((z) => z.name),
    kind: zones.map((z) => z.kind),
    zone_type: zones.map((z) => z.zone_type),
  };
  const finder = new ZoneHitFinder(
    zones.map((z) => ({ kind: z.kind, geometry: z.geometry })),
    plan.zoneBands(),
  );
  return { asOf, plan, ruleSetVersion: stored.version, zoneTable, finder, parks: parksOf(zones) };
}

/** Zone hits of each point as compressed sparse rows: hits of point p are zone[start[p] .. start[p + 1]). */
export function hitIndex(finder: ZoneHitFinder, lon: ArrayLike<number>, lat: ArrayLike<number>) {
  const n = lon.length;
  const buffer = new HitBuffer();
  finder.find(lon, lat, 0, n, buffer);
  return indexHitsByPoint(n, buffer.toArrays());
}

/** The zone hits of each point, as screening's facts carry them. */
export function zoneHitsAt(context: RelocationContext, points: readonly { lon: number; lat: number }[]): ZoneHit[][] {
  const index = hitIndex(
    context.finder,
    points.map((p) => p.lon),
    points.map((p) => p.lat),
  );
  const t = context.zoneTable;
  return points.map((_, p) => {
    const hits: ZoneHit[] = [];
    for (let j = index.start[p] as number; j < (index.start[p + 1] as number); j++) {
      const z = index.zone[j] as number;
      hits.push({
        zone_id: t.id[z] as string,
        zone_name: t.name[z] as string,
        zone_kind: t.kind[z] as ZoneHit['zone_kind'],
        zone_type: t.zone_type[z] ?? null,
        distance_m: index.distance[j] as number,
      });
    }
    return hits;
  });
}

/** Each park as a site to judge, with its zone hits: computed once and shared by every enterprise. */
export function parkSites(context: RelocationContext): { site: JudgedSite; hits: ZoneHit[] }[] {
  if (context.parkSites) return context.parkSites;
  const hits = zoneHitsAt(context, context.parks);
  context.parkSites = context.parks.map((p, i) => ({
    site: {
      source: 'park',
      park_id: p.id,
      name: p.name,
      name_en: p.name_en,
      lon: p.lon,
      lat: p.lat,
      region_code: p.region_code,
      sectors: p.sectors,
      land_free_ha: p.land_free_ha,
    },
    hits: hits[i] as ZoneHit[],
  }));
  return context.parkSites;
}

/** The key relocation_reach was computed for: data, rules, zones and date. */
export async function reachKey(q: Queryable, context: Pick<RelocationContext, 'asOf' | 'ruleSetVersion'>): Promise<string> {
  const data = (await getMeta(q, 'data_version')) ?? '0';
  const zones = (await getMeta(q, 'zones_changed_at')) ?? '';
  return JSON.stringify({ data, rules: context.ruleSetVersion, zones, as_of: context.asOf });
}
