/**
 * The planner map's filter counted by DuckDB, for databases too large to send to a browser
 * (README, "The map at national scale"): facet counts, plants per grid cell and the plants in a
 * box, for the filter the planner chose.
 *
 * The facts are the very columns the browser would download — the point payload, the profile's
 * sector bytes, the rule masks, a year's indicators — decoded and loaded once per data version
 * into a DuckDB of their own, in memory, one row per enterprise in payload order. The filter is the
 * browser's compiled filter (domain/map-filter.ts) written as SQL over those columns, so the server
 * counts exactly what the browser's filter pass (web/src/filter/filter-pass.ts) would count on the
 * same data: the same bytes, the same float32 values, the same Web Mercator cells.
 */
import {
  type ColumnSet,
  decodeColumns,
  INDICATOR_COLUMNS,
  INDICATOR_SCHEMA,
  type IndicatorColumn,
  PROFILE_SCHEMA,
  ruleMaskSchema,
  ruleMaskWords,
} from '../domain/column-payload.ts';
import { type Box, cellSize, mercatorPoints } from '../domain/geometry/mercator.ts';
import type { CompiledFilter } from '../domain/map-filter.ts';
import { decodePoints, type PointColumns, STATUS_MASK } from '../domain/point-payload.ts';
import { stageColumns } from './bulk.ts';
import { Database } from './database.ts';
import { indicatorYears, readIndicatorColumns } from './indicator-columns.ts';
import { readPoints } from './point-store.ts';
import { readProfileColumns } from './profile-columns.ts';
import { listPrefectures } from './region-index.ts';
import { type RuleMasks, readRuleMasks } from './rule-masks.ts';
import type { Columns } from './tables.ts';

/** Bits of a plant's failures, one per facet, as in the browser's filter pass. */
const FACET_BITS = { action: 1, rule: 2, sector: 4, region: 8, status: 16, zone: 32, range: 64 } as const;
const ALL_FACETS = 127;
const ZONE_KIND_COUNT = 5;

/** Non-zero counts as [value, count] pairs, ascending by value. */
export type CountPairs = [value: number, count: number][];

export interface FacetCounts {
  visible: number;
  total: number;
  /** By action code (0 = not flagged). */
  action: CountPairs;
  /** By sector group byte, of the plants that pass every facet. */
  group: CountPairs;
  /** By catalogue sector byte. */
  sector: CountPairs;
  /** By region slot (1 + index into the catalogue's prefecture order). */
  region: CountPairs;
  /** By status index. */
  status: CountPairs;
  /** By zone kind (ZONE_KINDS order). */
  zone: CountPairs;
  /** By rule bit (order of the rule masks). */
  rule: CountPairs;
}

export interface CellCounts {
  /** Side of a cell in world units; x0, y0 the world column and row of the top-left cell. */
  cell: number;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** [cell index (row × cols + column), plants] for every cell holding any, ascending. */
  cells: CountPairs;
  max: number;
  total: number;
}

const FACT_COLUMNS = (words: number): Columns => [
  ['idx', 'INTEGER'],
  ['x', 'DOUBLE'],
  ['y', 'DOUBLE'],
  ['action', 'INTEGER'],
  ['grp', 'INTEGER'],
  ['sector', 'INTEGER'],
  ['region', 'INTEGER'],
  ['status', 'INTEGER'],
  ['zones', 'INTEGER'],
  ...Array.from({ length: words }, (_, w) => [`r${w}`, 'INTEGER'] as const),
];

const INDICATOR_FACT_COLUMNS: Columns = INDICATOR_COLUMNS.map((c) => [c, 'DOUBLE'] as const);

/** Values of a lookup table that let a plant through, for an IN list. */
function allowed(table: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < table.length; i++) if (table[i] === 1) out.push(i);
  return out;
}

/**
 * A number as a DuckDB DOUBLE literal that reads back as exactly this double: in exponent form, since
 * DuckDB reads a plain decimal literal as DECIMAL and would round it again on the way to DOUBLE.
 */
const double = (n: number) => n.toExponential();

const inList = (column: string, values: number[]) => (values.length ? `${column} IN (${values.join(', ')})` : 'false');

/** Each facet's test in SQL, null when the filter does not restrict it. Numbers only: no parameters to bind. */
function facetTests(f: CompiledFilter, words: number): Record<keyof typeof FACET_BITS, string | null> {
  let rule: string | null = null;
  if (f.rules) {
    const tests = Array.from({ length: words }, (_, w) => ((f.rules as Uint32Array)[w] ?? 0) | 0)
      .map((m, w) => (m === 0 ? null : `(r${w} & ${m}) <> 0`))
      .filter((t) => t !== null);
    rule = tests.length ? `(${tests.join(' OR ')})` : 'false';
  }
  const num = (n: number) => (Number.isFinite(n) ? double(n) : null);
  const ranges = f.ranges.flatMap((r) => {
    const min = num(r.min);
    const max = num(r.max);
    // NaN is a missing value: it fails every range, as in the browser (DuckDB orders NaN above all).
    return [`NOT isnan(${r.column})`, ...(min ? [`${r.column} >= ${min}`] : []), ...(max ? [`${r.column} <= ${max}`] : [])];
  });
  return {
    action: f.action ? inList('action', allowed(f.action)) : null,
    rule,
    sector: f.sector ? inList('sector', allowed(f.sector)) : null,
    region: f.region ? inList('region', allowed(f.region)) : null,
    status: f.status ? inList('status', allowed(f.status)) : null,
    zone: f.zoneBits ? `(zones & ${f.zoneBits}) <> 0` : null,
    range: ranges.length ? `(${ranges.join(' AND ')})` : null,
  };
}

/**
 * The zoom whose cells are counted ahead (cell_cube): the deepest at which the map always draws
 * cells (below AGGREGATE_BELOW_ZOOM, web/src/map/level-of-detail), and each coarser zoom's cell is
 * four of the next one's, exactly, since cell sides are powers of two.
 */
const CUBE_ZOOM = 5;
/** Ranged facet cubes kept (a few hundred thousand rows each at five million plants). */
const RANGED_CUBES = 8;
const ORDER_ZOOM = 8;

/**
 * Plants handled between two turns of the event loop in the loops that build the facts: other
 * requests are answered while a server builds them for millions of plants.
 */
const ROWS_PER_TURN = 131_072;
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** Payload indices sorted by cell row, then column, at ORDER_ZOOM; ties in payload order. */
async function spatialOrder(xy: Float32Array, n: number): Promise<Uint32Array> {
  const inv = 1 / cellSize(ORDER_ZOOM);
  const side = 2 ** Math.ceil(Math.log2(inv + 1));
  // key · 2²³ + index stays below 2⁵³ for up to 8.4 million points: one numeric sort of doubles.
  if (n >= 2 ** 23) throw new Error(`the map's facts order at most ${2 ** 23} points, not ${n}`);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await turn();
    const cx = Math.min(side - 1, Math.max(0, Math.floor((xy[2 * i] as number) * inv)));
    const cy = Math.min(side - 1, Math.max(0, Math.floor((xy[2 * i + 1] as number) * inv)));
    keys[i] = (cy * side + cx) * 2 ** 23 + i;
  }
  keys.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % 2 ** 23;
  return order;
}

/** The columns the cubes count plants by: every value a filter or a facet reads but the indicators. */
const cubeKeys = (words: number) =>
  ['action', 'grp', 'sector', 'region', 'status', 'zones', ...Array.from({ length: words }, (_, w) => `r${w}`)].join(', ');

const pairs = (rows: { value: number; n: number }[]): CountPairs =>
  rows.map((r) => [Number(r.value), Number(r.n)] as [number, number]).sort((a, b) => a[0] - b[0]);

type ProfileSet = ColumnSet<typeof PROFILE_SCHEMA>;
type IndicatorSet = ColumnSet<typeof INDICATOR_SCHEMA>;

export class MapFacts {
  /** A year's indicators, decoded (payload order) and staged as a table beside the facts. */
  private readonly years = new Map<number, Promise<IndicatorSet>>();
  /**
   * Facet cubes with an in-range column, by indicator year and ranges, the most recently used
   * last: a planner holding a range while changing other facets counts from one (tens of
   * milliseconds) instead of scanning every plant again (half a second at five million).
   */
  private readonly rangedCubes = new Map<string, Promise<string>>();
  private rangedSeq = 0;

  private constructor(
    private readonly facts: Database,
    private readonly source: Database,
    /** The payload the facts were made from: plants in a box are sent as its columns. */
    readonly points: PointColumns,
    /** The profile columns and rule masks the facts were made from, sent for the plants around a view. */
    readonly profile: ProfileSet,
    readonly rules: RuleMasks,
    /** Region r of the payload is prefectureOrder[r − 1], as in the catalogue. */
    readonly prefectureOrder: readonly string[],
    private readonly words: number,
    /** Row k of the facts is payload index order[k]: a year's indicators are loaded in this order too. */
    private readonly order: Uint32Array,
    /** The latest year with indicators, which a range filter without a year reads; null when there are none. */
    readonly latestYear: number | null,
  ) {}

  /** Reads the columns of the data as it is now and loads them; about as long as building the browser's payloads. */
  static async build(source: Database): Promise<MapFacts> {
    const prefectureOrder = (await listPrefectures(source)).map((p) => p.code);
    // Read once per data version: at five million plants it scans 41 million indicator rows.
    const latestYear = (await indicatorYears(source)).at(-1) ?? null;
    const points = decodePoints(await readPoints(source));
    const profile = decodeColumns(await readProfileColumns(source, points.dataVersion), PROFILE_SCHEMA);
    const rules = await readRuleMasks(source, points.dataVersion);
    const words = ruleMaskWords(rules.rules.length);
    const masks = decodeColumns(rules.buffer, ruleMaskSchema(words));
    const n = points.count;
    if (profile.count !== n || masks.count !== n)
      throw new Error(`the data changed while the map's facts were read (${n} points, ${profile.count} profiles, ${masks.count} masks)`);
    const { xy } = mercatorPoints(points.position, n);
    // Rows in spatial order (row of cells, then column, at zoom 8), so that DuckDB's per-row-group
    // minima and maxima skip most of the table for a box; idx keeps each row's place in the payload.
    const order = await spatialOrder(xy, n);
    const idx = new Int32Array(n);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const [action, group, sector, region, status, zones] = Array.from({ length: 6 }, () => new Int32Array(n));
    const ruleWords = Array.from({ length: words }, () => new Int32Array(n));
    for (let k = 0; k < n; k++) {
      if (k % ROWS_PER_TURN === ROWS_PER_TURN - 1) await turn();
      const i = order[k] as number;
      idx[k] = i;
      x[k] = xy[2 * i] as number;
      y[k] = xy[2 * i + 1] as number;
      (action as Int32Array)[k] = points.action[i] as number;
      (group as Int32Array)[k] = points.group[i] as number;
      (sector as Int32Array)[k] = profile.columns.sector[i] as number;
      (region as Int32Array)[k] = points.region[i] as number;
      const p = points.packed[i] as number;
      (status as Int32Array)[k] = p & STATUS_MASK;
      (zones as Int32Array)[k] = p & ~STATUS_MASK;
      for (let w = 0; w < words; w++) (ruleWords[w] as Int32Array)[k] = masks.columns.mask[i * words + w] as number;
    }
    const facts = await Database.scratch();
    try {
      const columns = FACT_COLUMNS(words);
      // Temporary tables of the scratch database's one connection, on which every query here runs.
      await stageColumns(facts, 'facts', columns, [idx, x, y, action, group, sector, region, status, zones, ...ruleWords] as Int32Array[]);
      // The same rows counted by every value a filter or a facet reads (a few hundred thousand
      // combinations at five million plants), and again per cell at CUBE_ZOOM: facet counts and
      // zoomed-out cells add up these counts instead of reading every plant.
      const keys = cubeKeys(words);
      await facts.run(`CREATE TABLE facet_cube AS SELECT ${keys}, count(*) AS n FROM facts GROUP BY ${keys}`);
      const inv = 1 / cellSize(CUBE_ZOOM);
      await facts.run(
        `CREATE TABLE cell_cube AS SELECT floor(x * ${double(inv)})::BIGINT AS cx, floor(y * ${double(inv)})::BIGINT AS cy, ${keys}, count(*) AS n
         FROM facts GROUP BY ALL`,
      );
    } catch (error) {
      facts.close();
      throw error;
    }
    return new MapFacts(facts, source, points, profile, rules, prefectureOrder, words, order, latestYear);
  }

  get dataVersion(): number {
    return this.points.dataVersion;
  }

  close(): void {
    this.facts.close();
  }

  /**
   * Counts beside every facet value, by the faceted-search rule of the browser's filter pass: a
   * plant counts beside a value when it passes every other facet.
   */
  async facets(filter: CompiledFilter, year: number | null): Promise<FacetCounts> {
    // Every facet reads the counted combinations. Indicator ranges read each plant's values: the
    // plants are counted once more, by combination and whether they are in range, in one scan, and
    // the facets read that (each facet's scan of five million plants would take half a second).
    const ranged = filter.ranges.length > 0;
    const from = ranged ? await this.rangedCube(filter, year) : 'facet_cube';
    const count = 'sum(n)';
    const fails = this.failsSql(filter, ranged ? 'in_range' : null);
    const others = (bit: number) => `(fails & ${ALL_FACETS & ~bit}) = 0`;
    const grouped = await this.facts.all<{ facet: string; value: number; n: number }>(
      `WITH t AS (SELECT *, ${fails} AS fails FROM ${from})
       SELECT 'group' AS facet, grp AS value, ${count} AS n FROM t WHERE fails = 0 GROUP BY grp
       UNION ALL SELECT 'action', action, ${count} FROM t WHERE ${others(FACET_BITS.action)} GROUP BY action
       UNION ALL SELECT 'sector', sector, ${count} FROM t WHERE ${others(FACET_BITS.sector)} GROUP BY sector
       UNION ALL SELECT 'region', region, ${count} FROM t WHERE ${others(FACET_BITS.region)} GROUP BY region
       UNION ALL SELECT 'status', status, ${count} FROM t WHERE ${others(FACET_BITS.status)} GROUP BY status`,
    );
    // Zones and rules are sets per plant: one sum per kind and per rule bit, in one scan.
    const zoneSums = Array.from(
      { length: ZONE_KIND_COUNT },
      (_, z) => `${count} FILTER (WHERE ${others(FACET_BITS.zone)} AND (zones & ${8 << z}) <> 0) AS z${z}`,
    );
    const ruleSums = this.rules.rules.map(
      (_, b) => `${count} FILTER (WHERE ${others(FACET_BITS.rule)} AND (r${b >>> 5} & ${(1 << (b & 31)) | 0}) <> 0) AS b${b}`,
    );
    const sums =
      (await this.facts.one<Record<string, number>>(
        `SELECT ${count} AS total, ${[...zoneSums, ...ruleSums].join(', ')} FROM (SELECT *, ${fails} AS fails FROM ${from})`,
      )) ?? {};
    const by = (facet: string) => pairs(grouped.filter((r) => r.facet === facet));
    const group = by('group');
    const setCounts = (prefix: string, length: number): CountPairs =>
      Array.from({ length }, (_, i) => [i, Number(sums[`${prefix}${i}`] ?? 0)] as [number, number]).filter(([, n]) => n > 0);
    return {
      visible: group.reduce((s, [, n]) => s + n, 0),
      total: Number(sums.total ?? 0),
      action: by('action'),
      group,
      sector: by('sector'),
      region: by('region'),
      status: by('status'),
      zone: setCounts('z', ZONE_KIND_COUNT),
      rule: setCounts('b', this.rules.rules.length),
    };
  }

  /**
   * Plants the filter lets through per square cell of a side `cell` (a power of two in world
   * units) over the cells covering `box`, counted as the browser's gridCounts does: a cell spans
   * [k·cell, (k+1)·cell) on each axis, cells the box only partly covers counted whole.
   */
  async cells(filter: CompiledFilter, year: number | null, box: Box, cell: number): Promise<CellCounts> {
    const inv = 1 / cell;
    const x0 = Math.floor(box.minX * inv);
    const y0 = Math.floor(box.minY * inv);
    const cols = Math.floor(box.maxX * inv) - x0 + 1;
    const rows = Math.floor(box.maxY * inv) - y0 + 1;
    // Cells of CUBE_ZOOM or coarser add up the cube's cells (a coarser cell is 2^k of them a side,
    // so floor(x · inv) is the cube cell's column shifted right by k); finer ones read the plants.
    const shift = Math.log2(cell / cellSize(CUBE_ZOOM));
    const fromCube = !filter.ranges.length && Number.isInteger(shift) && shift >= 0;
    const where = `${this.failsSql(filter)} = 0`;
    const rowsOut = await this.facts.all<{ cx: number; cy: number; n: number }>(
      fromCube
        ? `SELECT cx, cy, sum(n) AS n FROM (
             SELECT (cx >> ${shift}) - ${x0} AS cx, (cy >> ${shift}) - ${y0} AS cy, n FROM cell_cube WHERE ${where})
           WHERE cx >= 0 AND cx < ${cols} AND cy >= 0 AND cy < ${rows}
           GROUP BY cx, cy`
        : `SELECT cx, cy, count(*) AS n FROM (
             SELECT (floor(x * ${double(inv)}) - ${x0})::BIGINT AS cx, (floor(y * ${double(inv)}) - ${y0})::BIGINT AS cy
             FROM ${await this.table(filter, year)}
             WHERE ${where} AND x >= ${double(x0 * cell)} AND x < ${double((x0 + cols) * cell)}
               AND y >= ${double(y0 * cell)} AND y < ${double((y0 + rows) * cell)})
           WHERE cx >= 0 AND cx < ${cols} AND cy >= 0 AND cy < ${rows}
           GROUP BY cx, cy`,
    );
    const cells = rowsOut.map((r) => [Number(r.cy) * cols + Number(r.cx), Number(r.n)] as [number, number]).sort((a, b) => a[0] - b[0]);
    let max = 0;
    let total = 0;
    for (const [, n] of cells) {
      if (n > max) max = n;
      total += n;
    }
    return { cell, x0, y0, cols, rows, cells, max, total };
  }

  /**
   * Indices (payload order, ascending) of the plants the filter lets through inside a box (edges
   * included, as the browser's k-d tree finds them), or null when there are more than `limit`.
   */
  async within(filter: CompiledFilter, year: number | null, box: Box, limit: number): Promise<Uint32Array | null> {
    const from = await this.table(filter, year);
    const rows = await this.facts.all<{ idx: number }>(
      `SELECT idx FROM ${from}
       WHERE x BETWEEN ${double(box.minX)} AND ${double(box.maxX)} AND y BETWEEN ${double(box.minY)} AND ${double(box.maxY)} AND ${this.failsSql(filter)} = 0
       ORDER BY idx LIMIT ${limit + 1}`,
    );
    if (rows.length > limit) return null;
    return Uint32Array.from(rows, (r) => r.idx);
  }

  /** A year's indicators of every plant, in payload order; loaded once per year. */
  indicators(year: number): Promise<IndicatorSet> {
    let loading = this.years.get(year);
    if (!loading) {
      loading = this.loadYear(year);
      this.years.set(year, loading);
      loading.catch(() => this.years.delete(year));
    }
    return loading;
  }

  /** The facts, joined by position to a year's indicators when the filter reads them. */
  private async table(filter: CompiledFilter, year: number | null): Promise<string> {
    if (!filter.ranges.length) return 'facts';
    if (year === null) throw new Error('an indicator range needs a year');
    await this.indicators(year);
    return `facts POSITIONAL JOIN indicators_${year}`;
  }

  private async loadYear(year: number): Promise<IndicatorSet> {
    const set = decodeColumns(await readIndicatorColumns(this.source, year, this.dataVersion), INDICATOR_SCHEMA);
    if (set.count !== this.points.count)
      throw new Error(`indicators of ${year} hold ${set.count} enterprises but the map's facts ${this.points.count}; the data changed`);
    const table = `indicators_${year}`;
    await stageColumns(
      this.facts,
      table,
      INDICATOR_FACT_COLUMNS,
      INDICATOR_COLUMNS.map((c: IndicatorColumn) => {
        // A plain loop: Float64Array.from with a map function takes over a second per column at five million.
        const column = set.columns[c];
        const out = new Float64Array(this.order.length);
        for (let k = 0; k < out.length; k++) out[k] = column[this.order[k] as number] as number;
        return out;
      }),
    );
    return set;
  }

  /** The facet cube counted again by whether plants are in the filter's ranges (rangedCubes). */
  private async rangedCube(filter: CompiledFilter, year: number | null): Promise<string> {
    const test = this.rangeSql(filter);
    const key = `${year}|${test}`;
    let made = this.rangedCubes.get(key);
    if (made) {
      this.rangedCubes.delete(key);
      this.rangedCubes.set(key, made);
      return made;
    }
    const name = `ranged_cube_${++this.rangedSeq}`;
    const from = await this.table(filter, year);
    made = this.facts
      .run(`CREATE TABLE ${name} AS SELECT ${cubeKeys(this.words)}, ${test} AS in_range, count(*) AS n FROM ${from} GROUP BY ALL`)
      .then(() => name);
    this.rangedCubes.set(key, made);
    made.catch(() => this.rangedCubes.delete(key));
    if (this.rangedCubes.size > RANGED_CUBES) {
      const [oldest, table] = this.rangedCubes.entries().next().value as [string, Promise<string>];
      this.rangedCubes.delete(oldest);
      // Requests already counting from it finish first; a minute is far beyond any.
      setTimeout(() => table.then((t) => this.facts.run(`DROP TABLE IF EXISTS ${t}`)).catch(() => undefined), 60_000).unref();
    }
    return made;
  }

  /** Whether a plant is inside every indicator range of the filter. */
  private rangeSql(filter: CompiledFilter): string {
    return facetTests(filter, this.words).range ?? 'true';
  }

  /**
   * Which facets a plant fails, as the browser's filter pass marks them: 0 = drawn. `inRange`
   * names a column already holding the range test (a cube of counts by it).
   */
  private failsSql(filter: CompiledFilter, inRange: string | null = null): string {
    const tests = facetTests(filter, this.words);
    if (inRange && tests.range) tests.range = inRange;
    const parts = (Object.keys(FACET_BITS) as (keyof typeof FACET_BITS)[])
      .filter((k) => tests[k] !== null)
      .map((k) => `(CASE WHEN ${tests[k]} THEN 0 ELSE ${FACET_BITS[k]} END)`);
    return parts.length ? `(${parts.join(' + ')})` : '0';
  }
}
