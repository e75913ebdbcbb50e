/**
 * Reads what screening needs from DuckDB as columns: the scope's enterprises once, then per batch
 * the indicators, equipment and compliance results of a key range of child rows staged once per
 * run, and only for the sectors some rule reads them for. Indicators are cut in SQL to the rows
 * the metrics read (the latest year on or before as-of, the year before it, and the 2015
 * baseline); compliance to each standard's latest assessment, kept only when it failed, since a
 * later pass clears an earlier failure exactly as the rule reads it.
 */
import type { Queryable } from '../db/database.ts';
import { readColumns } from '../db/read-columns.ts';
import type { ComplianceStandard, LocationAccuracy, PlantStatus } from '../domain/enterprise.ts';
import { BASELINE_YEAR } from '../domain/rules/metrics.ts';
import type {
  BatchInput,
  ComplianceColumns,
  EnterpriseColumns,
  EquipmentColumns,
  HitColumns,
  IndicatorColumns,
} from '../domain/screening/batch-columns.ts';

/**
 * The scope's enterprises, in key order, held as columns, with their positions. Region, sector,
 * status and location accuracy travel as integer codes into small dictionaries: decoding a million
 * strings per column was the slowest part of loading. The yes/no columns are bool8
 * (read-columns.ts): 0, 1 or NULL_BOOL8.
 */
export interface ScopeColumns extends EnterpriseColumns {
  lon: Float64Array;
  lat: Float64Array;
}

const DICTIONARY_COLUMNS = { region: 'region_code', sector: 'sector', status: 'status', accuracy: 'location_accuracy' } as const;

export type Needs = Record<'indicators' | 'equipment' | 'compliance', string[] | null>;

/** Zone hits indexed by scope row (compressed sparse rows). */
export type HitIndex = HitColumns;

/** Reads the enterprises listed in temp table screen_scope(id, key). */
export async function loadScope(q: Queryable): Promise<ScopeColumns> {
  const dicts = {} as Record<keyof typeof DICTIONARY_COLUMNS, (string | null)[]>;
  for (const [name, column] of Object.entries(DICTIONARY_COLUMNS) as [keyof typeof DICTIONARY_COLUMNS, string][]) {
    await q.run(
      `CREATE OR REPLACE TEMP TABLE dict_${name} AS
       SELECT v, (row_number() OVER (ORDER BY v NULLS FIRST) - 1)::INTEGER AS i
       FROM (SELECT DISTINCT e.${column} AS v FROM enterprises e JOIN screen_scope s ON s.key = e.key)`,
    );
    dicts[name] = ((await q.connection.runAndReadAll(`SELECT v FROM dict_${name} ORDER BY i`)).getColumns()[0] ?? []) as (string | null)[];
  }
  const [key, lon, lat, region, sector, status, accuracy, commissioned, aboveScale, inPark, scattered, green] = await readColumns(
    q,
    `SELECT e.key, e.lon, e.lat, dr.i, ds.i, dt.i, da.i,
            e.commissioned_year, e.above_scale, e.in_park, e.scattered_dirty, e.green_factory
     FROM enterprises e JOIN screen_scope s ON s.key = e.key
     JOIN dict_region dr ON dr.v IS NOT DISTINCT FROM e.region_code
     JOIN dict_sector ds ON ds.v = e.sector
     JOIN dict_status dt ON dt.v = e.status
     JOIN dict_accuracy da ON da.v = e.location_accuracy
     ORDER BY e.key`,
    // Typed columns throughout (a year of 0 is unknown): batches cross to the workers as copies of
    // memory rather than element by element.
    ['int32', 'float64', 'float64', 'int32', 'int32', 'int32', 'int32', 'int32', 'bool8', 'bool8', 'bool8', 'bool8'],
  );
  for (const name of Object.keys(DICTIONARY_COLUMNS)) await q.run(`DROP TABLE dict_${name}`);
  return {
    key,
    lon,
    lat,
    region,
    sector,
    status,
    accuracy,
    dicts: {
      region: dicts.region,
      sector: dicts.sector as string[],
      status: dicts.status as PlantStatus[],
      accuracy: dicts.accuracy as LocationAccuracy[],
    },
    commissioned_year: commissioned,
    above_scale: aboveScale,
    in_park: inPark,
    scattered_dirty: scattered,
    green_factory: green,
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

/**
 * Stages, once per run, the child rows screening reads for the whole scope, in key order: one
 * set-based query per table lets DuckDB use every core and scan each table once, where ten batch
 * queries each re-ran the join and the window. Batches then read key ranges, which the key order
 * turns into a few row groups each. Temp tables scope_indicators, scope_equipment and
 * scope_compliance; dropChildRows removes them.
 */
export async function stageChildRows(q: Queryable, asOf: string, needs: Needs): Promise<void> {
  // The scope's enterprises whose sector needs this kind of data; child rows join it by id once
  // (joining enterprises too, by id, doubled the string hashing over millions of rows).
  const scoped = (filter: { sql: string }) =>
    filter.sql
      ? `(SELECT s.id, s.key FROM screen_scope s JOIN enterprises e ON e.key = s.key WHERE ${filter.sql.replace(/^AND /, '')})`
      : 'screen_scope';
  const ind = sectorFilter(needs.indicators);
  const eq = sectorFilter(needs.equipment);
  const comp = sectorFilter(needs.compliance);
  // Metrics read the latest year on or before as-of, the year before it and the baseline: a
  // maximum per enterprise finds them without ranking every row.
  await q.run(
    `CREATE OR REPLACE TEMP TABLE scope_indicators AS
     WITH known AS (
       SELECT s.key, i.year, i.energy_tce, i.added_value, i.water_m3, i.unit_power_kwh
       FROM indicators i JOIN ${scoped(ind)} s ON s.id = i.enterprise_id WHERE i.year <= $y),
     latest AS (SELECT key, max(year) AS year FROM known GROUP BY key)
     SELECT k.* FROM known k JOIN latest l ON l.key = k.key
     WHERE k.year >= l.year - 1 OR k.year = $base ORDER BY k.key, k.year`,
    { ...ind.params, y: Number(asOf.slice(0, 4)), base: BASELINE_YEAR },
  );
  await q.run(
    `CREATE OR REPLACE TEMP TABLE scope_equipment AS
     SELECT s.key, q.kind, q.size, q.unit, q.count, q.commissioned_year
     FROM equipment q JOIN ${scoped(eq)} s ON s.id = q.enterprise_id
     ORDER BY s.key, q.kind, q.size`,
    eq.params,
  );
  await q.run(
    `CREATE OR REPLACE TEMP TABLE scope_compliance AS
     SELECT key, standard, passed, strftime(assessed_on, '%Y-%m-%d') AS assessed_on, strftime(rectify_by, '%Y-%m-%d') AS rectify_by, note FROM (
       SELECT s.key, c.*, row_number() OVER (PARTITION BY s.key, c.standard ORDER BY c.assessed_on DESC, c.passed DESC) AS rn
       FROM compliance c JOIN ${scoped(comp)} s ON s.id = c.enterprise_id WHERE c.assessed_on <= CAST($asOf AS DATE))
     WHERE rn = 1 AND NOT passed ORDER BY key, standard`,
    { ...comp.params, asOf },
  );
}

export async function dropChildRows(q: Queryable): Promise<void> {
  for (const t of ['scope_indicators', 'scope_equipment', 'scope_compliance']) await q.run(`DROP TABLE IF EXISTS ${t}`);
}

/** The batch of scope rows [from, to); stageChildRows must have run. */
export async function loadBatch(q: Queryable, scope: ScopeColumns, hits: HitIndex, from: number, to: number): Promise<BatchInput> {
  const range = { lo: scope.key[from] as number, hi: scope.key[to - 1] as number };
  const first = hits.start[from] as number;
  const last = hits.start[to] as number;
  return {
    enterprises: {
      key: scope.key.slice(from, to),
      region: scope.region.slice(from, to),
      sector: scope.sector.slice(from, to),
      status: scope.status.slice(from, to),
      accuracy: scope.accuracy.slice(from, to),
      dicts: scope.dicts,
      commissioned_year: scope.commissioned_year.slice(from, to),
      above_scale: scope.above_scale.slice(from, to),
      in_park: scope.in_park.slice(from, to),
      scattered_dirty: scope.scattered_dirty.slice(from, to),
      green_factory: scope.green_factory.slice(from, to),
    },
    hits: {
      start: hits.start.slice(from, to + 1).map((v) => v - first),
      zone: hits.zone.slice(first, last),
      distance: hits.distance.slice(first, last),
    },
    indicators: await loadIndicators(q, range),
    equipment: await loadEquipment(q, range),
    compliance: await loadCompliance(q, range),
  };
}

type KeyRange = { lo: number; hi: number };

async function loadIndicators(q: Queryable, range: KeyRange): Promise<IndicatorColumns> {
  const [key, year, energy_tce, added_value, water_m3, unit_power_kwh] = await readColumns(
    q,
    'SELECT key, year, energy_tce, added_value, water_m3, unit_power_kwh FROM scope_indicators WHERE key BETWEEN $lo AND $hi',
    ['int32', 'int32', 'float64', 'float64', 'float64', 'float64'],
    range,
  );
  return { key, year, energy_tce, added_value, water_m3, unit_power_kwh };
}

async function loadEquipment(q: Queryable, range: KeyRange): Promise<EquipmentColumns> {
  const [key, kind, size, unit, count, commissioned_year] = await readColumns(
    q,
    'SELECT key, kind, size, unit, count, commissioned_year FROM scope_equipment WHERE key BETWEEN $lo AND $hi',
    ['int32', 'text', 'float64?', 'text', 'int32', 'int32?'],
    range,
  );
  // equipment.kind is NOT NULL in the schema (migration 001).
  return { key, kind: kind as string[], size, unit, count, commissioned_year };
}

async function loadCompliance(q: Queryable, range: KeyRange): Promise<ComplianceColumns> {
  const [key, standard, passed, assessed_on, rectify_by, note] = await readColumns(
    q,
    'SELECT key, standard, passed, assessed_on, rectify_by, note FROM scope_compliance WHERE key BETWEEN $lo AND $hi',
    ['int32', 'text', 'bool8', 'text', 'text', 'text'],
    range,
  );
  // compliance.standard is NOT NULL and CHECKed against the standards, assessed_on is NOT NULL
  // (migration 001).
  return { key, standard: standard as ComplianceStandard[], passed, assessed_on: assessed_on as string[], rectify_by, note };
}
