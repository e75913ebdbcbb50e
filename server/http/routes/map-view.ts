/**
 * The planner map's server-side mode (README, "The map at national scale"): for a database too
 * large to send to the browser, the filter's facet counts, the plants per grid cell and the plants
 * in a box, computed by DuckDB over the same columns the browser would download
 * (db/map-facts.ts). The filter is the map's own query string (MapFilterQuery, as exports read it).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { MapFacts } from '../../db/map-facts.ts';
import {
  decodeColumns,
  INDICATOR_COLUMNS,
  INDICATOR_SCHEMA,
  PROFILE_SCHEMA,
  ruleMaskSchema,
  ruleMaskWords,
  subsetColumns,
} from '../../domain/column-payload.ts';
import { type Box, boxOfLonLat, cellSize } from '../../domain/geometry/mercator.ts';
import { type CompiledFilter, compileFilter, EMPTY_FILTER, type FilterState } from '../../domain/map-filter.ts';
import { allocatePoints } from '../../domain/point-payload.ts';
import { reason } from '../../domain/reasons.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { MapFactsHolder } from '../map-facts-holder.ts';
import { refuseUnknownRules } from '../map-filter.ts';
import { bboxParam, ErrorSchema, errorResponses } from '../schemas/common.ts';
import { MapFilterQuery } from '../schemas/enterprise.ts';

/** As the browser's grid (web/src/map/level-of-detail/grid-counts.ts MAX_GRID_CELLS). */
const MAX_CELLS = 1 << 22;

/** The map's filter without the list's text search, key and the export's box and shape. */
const FilterQuery = MapFilterQuery.omit({ q: true, key: true, bbox: true, shape: true });
type FilterQuery = z.infer<typeof FilterQuery>;

const box = bboxParam.openapi({ example: '106,36,112,41', description: 'west,south,east,north in degrees' });

const pairs = z.array(z.tuple([z.number().int(), z.number().int()]));

const FacetCountsSchema = z
  .object({
    visible: z.number().int(),
    total: z.number().int(),
    action: pairs,
    group: pairs,
    sector: pairs,
    region: pairs,
    status: pairs,
    zone: pairs,
    rule: pairs,
  })
  .openapi('MapFacetCounts', {
    description:
      'Non-zero counts as [value, count]: by action code, sector group byte (of the plants shown), catalogue sector byte, region slot, status index, zone kind and rule bit (order of /api/enterprises/columns); beside each value, the plants passing every other facet',
  });

const CellCountsSchema = z
  .object({
    cell: z.number(),
    x0: z.number().int(),
    y0: z.number().int(),
    cols: z.number().int(),
    rows: z.number().int(),
    cells: pairs,
    max: z.number().int(),
    total: z.number().int(),
  })
  .openapi('MapCellCounts', {
    description: 'Plants per Web Mercator cell of side `cell` (world units), [row × cols + column, count] for each cell holding any',
  });

const facets = createRoute({
  method: 'get',
  path: '/map/facets',
  tags: ['map'],
  summary: 'How many enterprises the map filter lets through, and the count beside every facet value',
  request: { query: FilterQuery },
  responses: {
    200: { description: 'Facet counts', content: { 'application/json': { schema: FacetCountsSchema } } },
    ...errorResponses,
  },
});

const cells = createRoute({
  method: 'get',
  path: '/map/cells',
  tags: ['map'],
  summary: 'Enterprises the map filter lets through, counted per grid cell of a whole zoom over a box',
  request: {
    query: FilterQuery.extend({
      box,
      zoom: z.coerce.number().int().min(0).max(22).openapi({ example: 5, description: 'whole zoom: cells are 16 pixels wide at it' }),
    }),
  },
  responses: {
    200: { description: 'Cell counts', content: { 'application/json': { schema: CellCountsSchema } } },
    ...errorResponses,
  },
});

const plants = createRoute({
  method: 'get',
  path: '/map/plants',
  tags: ['map'],
  summary: 'The enterprises the map filter lets through inside a box, as a point payload (GLP2, at most `limit`)',
  description: 'The layout of GET /api/enterprises/points (server/domain/point-payload.ts). More than `limit` in the box: 422.',
  request: {
    query: FilterQuery.extend({
      box,
      limit: z.coerce.number().int().min(1).max(200_000).default(50_000),
    }),
  },
  responses: {
    200: {
      description: 'The point payload of the plants in the box, in key order',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    422: {
      description: 'More than `limit` plants in the box: ask for cells instead',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});

const windowColumns = createRoute({
  method: 'get',
  path: '/map/columns.bin',
  tags: ['map'],
  summary:
    'A column set (profile, indicators of a year, rule masks) of every enterprise inside a box, in the order /api/map/plants sends them',
  description:
    'The plants around the view the server-side map works on: GET /api/map/plants with the same box and limit and no filter sends their points, this their columns (server/domain/column-payload.ts).',
  request: {
    query: z.object({
      set: z.enum(['profile', 'indicators', 'rules']),
      box,
      limit: z.coerce.number().int().min(1).max(200_000).default(50_000),
      year: z.coerce.number().int().min(1900).max(2100).optional().openapi({ description: 'indicators: the year (default the latest)' }),
    }),
  },
  responses: {
    200: {
      description: 'The column payload of the plants in the box',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    422: {
      description: 'More than `limit` plants in the box',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    ...errorResponses,
  },
});

function filterState(query: FilterQuery): FilterState {
  const ranges: FilterState['ranges'] = {};
  for (const column of INDICATOR_COLUMNS) {
    const r = query[column];
    if (r) ranges[column] = r;
  }
  return {
    actions: query.action ?? [],
    rules: query.rule ?? [],
    sectors: query.sector ?? [],
    regions: query.region ?? [],
    statuses: query.status ?? [],
    zones: query.zone ?? [],
    ranges,
  };
}

export function mapViewRoutes({ db, mapFacts }: AppDeps) {
  const holder = mapFacts ?? new MapFactsHolder(db);

  /** The facts, the filter compiled against them, and the indicator year its ranges read. */
  async function prepare(query: FilterQuery): Promise<{ facts: MapFacts; filter: CompiledFilter; year: number | null }> {
    if (query.rule?.length) await refuseUnknownRules(db, query.rule);
    const facts = await holder.get();
    const filter = compileFilter(filterState(query), {
      prefectureOrder: facts.prefectureOrder,
      ruleIds: facts.rules.rules.map((r) => r.rule_id),
    });
    const year = filter.ranges.length ? (query.year ?? facts.latestYear) : null;
    return { facts, filter, year };
  }

  const worldBox = ([w, s, e, n]: [number, number, number, number]): Box => boxOfLonLat(w, s, e, n);

  /** Every plant in a box (no filter), in payload order; 422 past the limit. */
  async function plantsIn(facts: MapFacts, filter: CompiledFilter, year: number | null, box: Box, limit: number): Promise<Uint32Array> {
    const indices = await facts.within(filter, year, box, limit);
    if (!indices) throw ApiError.because(422, reason('map_box_over_limit', { limit }));
    return indices;
  }

  const binary = (c: Context, buffer: ArrayBuffer) => {
    c.header('content-type', 'application/octet-stream');
    return c.body(buffer, 200);
  };

  return router()
    .openapi(facets, async (c) => {
      const { facts, filter, year } = await prepare(c.req.valid('query'));
      return c.json(await facts.facets(filter, year), 200);
    })
    .openapi(cells, async (c) => {
      const query = c.req.valid('query');
      const box = worldBox(query.box);
      const cell = cellSize(query.zoom);
      const cellCount =
        (Math.floor(box.maxX / cell) - Math.floor(box.minX / cell) + 1) * (Math.floor(box.maxY / cell) - Math.floor(box.minY / cell) + 1);
      // A grid far larger than any screen (the browser's MAX_GRID_CELLS) is a mistake, not a view.
      if (cellCount > MAX_CELLS) throw ApiError.because(400, reason('map_grid_too_large', { cells: cellCount, most: MAX_CELLS }));
      const { facts, filter, year } = await prepare(query);
      return c.json(await facts.cells(filter, year, box, cell), 200);
    })
    .openapi(plants, async (c) => {
      const query = c.req.valid('query');
      const { facts, filter, year } = await prepare(query);
      const indices = await plantsIn(facts, filter, year, worldBox(query.box), query.limit);
      const from = facts.points;
      const { buffer, columns } = allocatePoints(indices.length, from.dataVersion, from.screeningRun);
      indices.forEach((i, k) => {
        columns.position[2 * k] = from.position[2 * i] as number;
        columns.position[2 * k + 1] = from.position[2 * i + 1] as number;
        columns.key[k] = from.key[i] as number;
        columns.region[k] = from.region[i] as number;
        columns.group[k] = from.group[i] as number;
        columns.action[k] = from.action[i] as number;
        columns.packed[k] = from.packed[i] as number;
      });
      return binary(c, buffer);
    })
    .openapi(windowColumns, async (c) => {
      const query = c.req.valid('query');
      const facts = await holder.get();
      const everyPlant = compileFilter(EMPTY_FILTER, { prefectureOrder: facts.prefectureOrder, ruleIds: [] });
      const indices = await plantsIn(facts, everyPlant, null, worldBox(query.box), query.limit);
      if (query.set === 'profile') return binary(c, subsetColumns(facts.profile, PROFILE_SCHEMA, indices).buffer);
      if (query.set === 'rules') {
        const schema = ruleMaskSchema(ruleMaskWords(facts.rules.rules.length));
        return binary(c, subsetColumns(decodeColumns(facts.rules.buffer, schema), schema, indices).buffer);
      }
      const year = query.year ?? facts.latestYear;
      if (year === null) throw ApiError.because(404, reason('map_no_indicator_year', {}));
      return binary(c, subsetColumns(await facts.indicators(year), INDICATOR_SCHEMA, indices).buffer);
    });
}
