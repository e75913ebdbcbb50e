/**
 * Reads what screening needs from DuckDB as columns: the scope's enterprises once, then per batch
 * the indicators, equipment and compliance results — three set-based queries per batch, and only
 * for the sectors some rule reads them for. Indicators are cut in SQL to the rows the metrics read
 * (the latest two years on or before as-of, and the 2015 baseline); compliance to each standard's
 * latest assessment, kept only when it failed, since a later pass clears an earlier failure
 * exactly as the rule reads it.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Queryable } from '../db/database.ts';
import type { LocationAccuracy, PlantStatus } from '../domain/enterprise.ts';
import { BASELINE_YEAR } from '../domain/rules/metrics.ts';
import type { BatchInput } from '../domain/screening/screen-batch.ts';

/** The scope's enterprises, in key order, held as columns. */
export interface ScopeColumns {
  key: number[];
  id: string[];
  lon: Float64Array;
  lat: Float64Array;
  region_code: (string | null)[];
  sector: string[];
  status: PlantStatus[];
  commissioned_year: (number | null)[];
  above_scale: (boolean | null)[];
  in_park: (boolean | null)[];
  scattered_dirty: boolean[];
  green_factory: boolean[];
  location_accuracy: LocationAccuracy[];
}

export type Needs = Record<'indicators' | 'equipment' | 'compliance', string[] | null>;

/** Zone hits indexed by scope row (compressed sparse rows). */
export interface HitIndex {
  start: Uint32Array;
  zone: Uint32Array;
  distance: Float64Array;
}

/** Reads the enterprises listed in temp table screen_scope(id, key). */
export async function loadScope(q: Queryable): Promise<ScopeColumns> {
  const reader = await q.connection.runAndReadAll(
    `SELECT e.key, e.id, e.lon, e.lat, e.region_code, e.sector, e.status, e.commissioned_year, e.above_scale,
            e.in_park, e.scattered_dirty, e.green_factory, e.location_accuracy
     FROM enterprises e JOIN screen_scope s ON s.id = e.id ORDER BY e.key`,
  );
  // Raw values: every column here is VARCHAR, DOUBLE, INTEGER or BOOLEAN, which arrive as JS
  // primitives without the (slower) generic conversion.
  const c = reader.getColumns() as DuckDBValue[][];
  return {
    key: c[0] as number[],
    id: c[1] as string[],
    lon: Float64Array.from(c[2] as number[]),
    lat: Float64Array.from(c[3] as number[]),
    region_code: c[4] as (string | null)[],
    sector: c[5] as string[],
    status: c[6] as PlantStatus[],
    commissioned_year: c[7] as (number | null)[],
    above_scale: c[8] as (boolean | null)[],
    in_park: c[9] as (boolean | null)[],
    scattered_dirty: c[10] as boolean[],
    green_factory: c[11] as boolean[],
    location_accuracy: c[12] as LocationAccuracy[],
  };
}

/** `AND (starts_with(e.sector, $s0) OR …)` for the sectors that need a kind of data. */
function sectorFilter(prefixes: string[] | null): { sql: string; params: Record<string, string> } {
  if (prefixes === null) return { sql: '', params: {} };
  if (prefixes.length === 0) return { sql: 'AND false', params: {} };
  const params: Record<string, string> = {};
  const terms = prefixes.map((p, i) => {
    params[`s${i}`] = p;
    return `starts_with(e.sector, $s${i})`;
  });
  return { sql: `AND (${terms.join(' OR ')})`, params };
}

type Cell = string | number | boolean | null;

async function columns(q: Queryable, sql: string, params: Record<string, string | number>): Promise<Cell[][]> {
  return (await q.connection.runAndReadAll(sql, params)).getColumns() as Cell[][];
}

/** The batch of scope rows [from, to). */
export async function loadBatch(
  q: Queryable,
  scope: ScopeColumns,
  hits: HitIndex,
  from: number,
  to: number,
  asOf: string,
  needs: Needs,
): Promise<BatchInput> {
  const range = { lo: scope.key[from] as number, hi: scope.key[to - 1] as number };
  const scoped = 'JOIN screen_scope s ON s.id = e.id WHERE s.key BETWEEN $lo AND $hi';
  const ind = sectorFilter(needs.indicators);
  const eq = sectorFilter(needs.equipment);
  const comp = sectorFilter(needs.compliance);
  const indicators = await columns(
    q,
    `SELECT enterprise_id, year, energy_tce, added_value, water_m3, unit_power_kwh FROM (
       SELECT i.*, row_number() OVER (PARTITION BY i.enterprise_id ORDER BY i.year DESC) AS rn
       FROM indicators i JOIN enterprises e ON e.id = i.enterprise_id ${scoped} AND i.year <= $y ${ind.sql})
     WHERE rn <= 2 OR year = $base`,
    { ...range, ...ind.params, y: Number(asOf.slice(0, 4)), base: BASELINE_YEAR },
  );
  const equipment = await columns(
    q,
    `SELECT q.enterprise_id, q.kind, q.size, q.unit, q.count, q.commissioned_year
     FROM equipment q JOIN enterprises e ON e.id = q.enterprise_id ${scoped} ${eq.sql}
     ORDER BY q.enterprise_id, q.kind, q.size`,
    { ...range, ...eq.params },
  );
  const compliance = await columns(
    q,
    `SELECT enterprise_id, standard, passed, strftime(assessed_on, '%Y-%m-%d'), strftime(rectify_by, '%Y-%m-%d'), note FROM (
       SELECT c.*, row_number() OVER (PARTITION BY c.enterprise_id, c.standard ORDER BY c.assessed_on DESC, c.passed DESC) AS rn
       FROM compliance c JOIN enterprises e ON e.id = c.enterprise_id ${scoped} AND c.assessed_on <= CAST($asOf AS DATE) ${comp.sql})
     WHERE rn = 1 AND NOT passed ORDER BY enterprise_id, standard`,
    { ...range, ...comp.params, asOf },
  );
  const first = hits.start[from] as number;
  const last = hits.start[to] as number;
  return {
    id: scope.id.slice(from, to),
    region_code: scope.region_code.slice(from, to),
    sector: scope.sector.slice(from, to),
    status: scope.status.slice(from, to),
    commissioned_year: scope.commissioned_year.slice(from, to),
    above_scale: scope.above_scale.slice(from, to),
    in_park: scope.in_park.slice(from, to),
    scattered_dirty: scope.scattered_dirty.slice(from, to),
    green_factory: scope.green_factory.slice(from, to),
    location_accuracy: scope.location_accuracy.slice(from, to),
    hitStart: hits.start.slice(from, to + 1).map((v) => v - first),
    hitZone: hits.zone.slice(first, last),
    hitDistance: hits.distance.slice(first, last),
    indicators,
    equipment,
    compliance,
  };
}
