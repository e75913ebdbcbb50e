/**
 * What screening reads from DuckDB, as columns: the scope's enterprises once, and the child rows
 * (indicators, equipment, compliance) it stages once per run in temp tables scope_indicators,
 * scope_equipment and scope_compliance, then reads back by key range, batch after batch. Indicators
 * are cut in SQL to the rows the metrics read (the latest year on or before as-of, the year before
 * it, and the 2015 baseline); compliance to each standard's latest assessment, kept only when it
 * failed, since a later pass clears an earlier failure exactly as the rule reads it.
 *
 * Every query here reads temp table screen_scope(id, key) (screen-scope-store.ts).
 */
import { BASELINE_YEAR } from '../domain/rules/metrics.ts';
import type { Queryable } from './database.ts';
import { readColumns } from './read-columns.ts';

/** Enterprise columns read as integer codes into a dictionary of their distinct values. */
const DICTIONARY_COLUMNS = { region: 'region_code', sector: 'sector', status: 'status', accuracy: 'location_accuracy' } as const;

type DictionaryName = keyof typeof DICTIONARY_COLUMNS;

/** The distinct values of each dictionary column; only region_code may be NULL (migration 001). */
export interface ScopeDictionaries {
  region: (string | null)[];
  sector: string[];
  status: string[];
  accuracy: string[];
}

/**
 * The scope's enterprises in key order. Region, sector, status and location accuracy come as codes
 * into `dicts`, whose values are in DuckDB's order with NULL first: decoding a million strings per
 * column was the slowest part of loading. The yes/no columns are bool8 (read-columns.ts).
 */
export interface ScopeEnterpriseRows {
  key: Int32Array<ArrayBuffer>;
  lon: Float64Array<ArrayBuffer>;
  lat: Float64Array<ArrayBuffer>;
  region: Int32Array<ArrayBuffer>;
  sector: Int32Array<ArrayBuffer>;
  status: Int32Array<ArrayBuffer>;
  accuracy: Int32Array<ArrayBuffer>;
  /** 0 where unknown. */
  commissioned_year: Int32Array<ArrayBuffer>;
  above_scale: Uint8Array<ArrayBuffer>;
  in_park: Uint8Array<ArrayBuffer>;
  scattered_dirty: Uint8Array<ArrayBuffer>;
  green_factory: Uint8Array<ArrayBuffer>;
  dicts: ScopeDictionaries;
}

export async function readScopeEnterprises(q: Queryable): Promise<ScopeEnterpriseRows> {
  // The four dictionaries in one table, made and read in one statement each: a run of one plant
  // (an official's correction) is mostly the fixed cost of its statements.
  const entries = Object.entries(DICTIONARY_COLUMNS) as [DictionaryName, string][];
  await q.run(
    `CREATE OR REPLACE TEMP TABLE scope_dicts AS
     SELECT name, v, (row_number() OVER (PARTITION BY name ORDER BY v NULLS FIRST) - 1)::INTEGER AS i
     FROM (${entries
       .map(
         ([name, column]) => `SELECT DISTINCT '${name}' AS name, e.${column} AS v FROM enterprises e JOIN screen_scope s ON s.key = e.key`,
       )
       .join(' UNION ALL ')})`,
  );
  const [names, values] = await readColumns(q, 'SELECT name, v FROM scope_dicts ORDER BY name, i', ['text', 'text']);
  const dicts = Object.fromEntries(entries.map(([name]) => [name, [] as (string | null)[]])) as Record<DictionaryName, (string | null)[]>;
  for (let k = 0; k < names.length; k++) dicts[names[k] as DictionaryName].push(values[k] ?? null);
  const [key, lon, lat, region, sector, status, accuracy, commissioned_year, above_scale, in_park, scattered_dirty, green_factory] =
    await readColumns(
      q,
      `SELECT e.key, e.lon, e.lat, dr.i, ds.i, dt.i, da.i,
              e.commissioned_year, e.above_scale, e.in_park, e.scattered_dirty, e.green_factory
       FROM enterprises e JOIN screen_scope s ON s.key = e.key
       JOIN scope_dicts dr ON dr.name = 'region' AND dr.v IS NOT DISTINCT FROM e.region_code
       JOIN scope_dicts ds ON ds.name = 'sector' AND ds.v = e.sector
       JOIN scope_dicts dt ON dt.name = 'status' AND dt.v = e.status
       JOIN scope_dicts da ON da.name = 'accuracy' AND da.v = e.location_accuracy
       ORDER BY e.key`,
      // Typed columns throughout (a year of 0 is unknown): batches cross to the workers as copies
      // of memory rather than element by element.
      ['int32', 'float64', 'float64', 'int32', 'int32', 'int32', 'int32', 'int32', 'bool8', 'bool8', 'bool8', 'bool8'],
    );
  await q.run('DROP TABLE scope_dicts');
  return {
    key,
    lon,
    lat,
    region,
    sector,
    status,
    accuracy,
    commissioned_year,
    above_scale,
    in_park,
    scattered_dirty,
    green_factory,
    dicts: dicts as ScopeDictionaries,
  };
}

/**
 * For each kind of child row, the sector prefixes of the enterprises that need it: null for every
 * sector, an empty list for none.
 */
export type ChildRowNeeds = Record<'indicators' | 'equipment' | 'compliance', readonly string[] | null>;

/**
 * Stages, once per run, the child rows screening reads for the whole scope, in key order: one
 * set-based query per table lets DuckDB use every core and scan each table once, where ten batch
 * queries each re-ran the join and the window. Batches then read key ranges, which the key order
 * turns into a few row groups each. dropScopeChildRows removes the tables.
 */
export async function stageScopeChildRows(q: Queryable, asOf: string, needs: ChildRowNeeds): Promise<void> {
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

export async function dropScopeChildRows(q: Queryable): Promise<void> {
  for (const t of ['scope_indicators', 'scope_equipment', 'scope_compliance']) await q.run(`DROP TABLE IF EXISTS ${t}`);
}

type SectorFilter = { where: string; params: Record<string, string> };

/** `starts_with(e.sector, $s0) OR …` for the sectors that need a kind of data; '' for all. */
function sectorFilter(prefixes: readonly string[] | null): SectorFilter {
  if (prefixes === null) return { where: '', params: {} };
  if (prefixes.length === 0) return { where: 'false', params: {} };
  const params: Record<string, string> = {};
  const terms = prefixes.map((p, i) => {
    params[`s${i}`] = p;
    return `starts_with(e.sector, $s${i})`;
  });
  return { where: `(${terms.join(' OR ')})`, params };
}

/**
 * The scope's enterprises whose sector needs this kind of data; child rows join it by id once
 * (joining enterprises too, by id, doubled the string hashing over millions of rows).
 */
function scoped(filter: SectorFilter): string {
  return filter.where
    ? `(SELECT s.id, s.key FROM screen_scope s JOIN enterprises e ON e.key = s.key WHERE ${filter.where})`
    : 'screen_scope';
}

/** Staged indicators, a row per enterprise and year; NaN where a value is missing. */
export interface StagedIndicatorRows {
  key: Int32Array<ArrayBuffer>;
  year: Int32Array<ArrayBuffer>;
  energy_tce: Float64Array<ArrayBuffer>;
  added_value: Float64Array<ArrayBuffer>;
  water_m3: Float64Array<ArrayBuffer>;
  unit_power_kwh: Float64Array<ArrayBuffer>;
}

/** Staged equipment, a row per enterprise and kind of unit. */
export interface StagedEquipmentRows {
  key: Int32Array<ArrayBuffer>;
  /** NOT NULL in the schema (migration 001). */
  kind: string[];
  size: (number | null)[];
  unit: (string | null)[];
  count: Int32Array<ArrayBuffer>;
  commissioned_year: (number | null)[];
}

/** Staged failed compliance results, a row per enterprise and standard; dates as YYYY-MM-DD. */
export interface StagedComplianceRows {
  key: Int32Array<ArrayBuffer>;
  /** NOT NULL and CHECKed against the standards (migration 001). */
  standard: string[];
  /** 1 passed, 0 failed. */
  passed: Uint8Array<ArrayBuffer>;
  /** NOT NULL (migration 001). */
  assessed_on: string[];
  rectify_by: (string | null)[];
  note: (string | null)[];
}

/** Enterprise keys lo to hi, both included; stageScopeChildRows must have run. */
export type KeyRange = { lo: number; hi: number };

export async function readStagedIndicators(q: Queryable, range: KeyRange): Promise<StagedIndicatorRows> {
  const [key, year, energy_tce, added_value, water_m3, unit_power_kwh] = await readColumns(
    q,
    'SELECT key, year, energy_tce, added_value, water_m3, unit_power_kwh FROM scope_indicators WHERE key BETWEEN $lo AND $hi',
    ['int32', 'int32', 'float64', 'float64', 'float64', 'float64'],
    range,
  );
  return { key, year, energy_tce, added_value, water_m3, unit_power_kwh };
}

export async function readStagedEquipment(q: Queryable, range: KeyRange): Promise<StagedEquipmentRows> {
  const [key, kind, size, unit, count, commissioned_year] = await readColumns(
    q,
    'SELECT key, kind, size, unit, count, commissioned_year FROM scope_equipment WHERE key BETWEEN $lo AND $hi',
    ['int32', 'text', 'float64?', 'text', 'int32', 'int32?'],
    range,
  );
  return { key, kind: kind as string[], size, unit, count, commissioned_year };
}

export async function readStagedCompliance(q: Queryable, range: KeyRange): Promise<StagedComplianceRows> {
  const [key, standard, passed, assessed_on, rectify_by, note] = await readColumns(
    q,
    'SELECT key, standard, passed, assessed_on, rectify_by, note FROM scope_compliance WHERE key BETWEEN $lo AND $hi',
    ['int32', 'text', 'bool8', 'text', 'text', 'text'],
    range,
  );
  return { key, standard: standard as string[], passed, assessed_on: assessed_on as string[], rectify_by, note };
}
