/**
 * Per-enterprise columns the map loads on demand, in the point payload's order
 * (server/domain/column-payload.ts): profile (capacity, catalogue sector), indicators of a year,
 * and rule bitmasks, with an index saying which years and rules there are. Each is cached by data
 * version and screening run and answered with an ETag.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Database } from '../../db/database.ts';
import { enterpriseNames } from '../../db/enterprise-store.ts';
import { indicatorYears, readIndicatorColumns } from '../../db/indicator-columns.ts';
import { getMeta } from '../../db/meta-store.ts';
import { readProfileColumns } from '../../db/profile-columns.ts';
import { type RuleMasks, readRuleMasks } from '../../db/rule-masks.ts';
import { type AppDeps, router } from '../context.ts';
import { errorResponses } from '../schemas/common.ts';
import { ColumnIndexSchema, EnterpriseNameSchema } from '../schemas/enterprise-columns.ts';

const binary = {
  200: { description: 'Column payload', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  304: { description: 'Unchanged since the ETag sent' },
};

const index = createRoute({
  method: 'get',
  path: '/enterprises/columns',
  tags: ['map'],
  summary: 'What the on-demand columns hold: indicator years and the rules behind the rule masks (bit order)',
  responses: {
    200: {
      description: 'Index of the column payloads',
      content: {
        'application/json': {
          schema: ColumnIndexSchema,
        },
      },
    },
  },
});

const names = createRoute({
  method: 'get',
  path: '/enterprises/names',
  tags: ['map'],
  summary: 'Names and credit codes of up to 500 enterprises by key, for the rows of the list in view',
  request: {
    query: z.object({
      keys: z
        .string()
        .regex(/^\d{1,10}(,\d{1,10}){0,499}$/, 'expected up to 500 comma-separated keys')
        .openapi({ example: '1,2,3' }),
    }),
  },
  responses: {
    200: {
      description: 'One entry per key found, in key order',
      content: {
        'application/json': {
          schema: z.array(EnterpriseNameSchema),
        },
      },
    },
    ...errorResponses,
  },
});

const profile = createRoute({
  method: 'get',
  path: '/enterprises/profile.bin',
  tags: ['map'],
  summary: 'Capacity (float32) and catalogue sector byte of every enterprise, in point order',
  responses: binary,
});

const indicators = createRoute({
  method: 'get',
  path: '/enterprises/indicators.bin',
  tags: ['map'],
  summary: 'Energy and water intensity of a year and their change vs 2015 (float32, NaN = missing), in point order',
  request: { query: z.object({ year: z.coerce.number().int().min(1990).max(2100).openapi({ example: 2019 }) }) },
  responses: { ...binary, ...errorResponses },
});

const rules = createRoute({
  method: 'get',
  path: '/enterprises/rules.bin',
  tags: ['map'],
  summary: 'One bit per rule (order of /enterprises/columns) for every enterprise, in point order',
  responses: binary,
});

/** Keeps the last few payloads; a new data version or screening run makes all of them stale. */
class PayloadCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly size: number) {}
  async get(key: string, build: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await build();
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}

async function versions(db: Database): Promise<{ data: number; run: number; key: string }> {
  const data = Number((await getMeta(db, 'data_version')) ?? 0);
  const run = Number((await getMeta(db, 'screening_run')) ?? 0);
  return { data, run, key: `${data}.${run}` };
}

function sendBinary(c: Context, etag: string, body: ArrayBuffer) {
  c.header('content-type', 'application/octet-stream');
  c.header('etag', etag);
  c.header('cache-control', 'no-cache');
  return c.body(body, 200);
}

export function enterpriseColumnRoutes({ db }: AppDeps) {
  const profiles = new PayloadCache<ArrayBuffer>(1);
  const years = new PayloadCache<ArrayBuffer>(4);
  const masks = new PayloadCache<RuleMasks>(1);

  return router()
    .openapi(index, async (c) => {
      const v = await versions(db);
      const m = await masks.get(v.key, () => readRuleMasks(db, v.data));
      return c.json({ data_version: v.data, screening_run: m.screeningRun, years: await indicatorYears(db), rules: m.rules }, 200);
    })
    .openapi(names, async (c) => {
      const keys = c.req.valid('query').keys.split(',').map(Number);
      return c.json(await enterpriseNames(db, keys), 200);
    })
    .openapi(profile, async (c) => {
      const v = await versions(db);
      const etag = `"profile-${v.key}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return sendBinary(c, etag, await profiles.get(v.key, () => readProfileColumns(db, v.data)));
    })
    .openapi(indicators, async (c) => {
      const { year } = c.req.valid('query');
      const v = await versions(db);
      const etag = `"indicators-${year}-${v.key}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return sendBinary(c, etag, await years.get(`${v.key}:${year}`, () => readIndicatorColumns(db, year, v.data)));
    })
    .openapi(rules, async (c) => {
      const v = await versions(db);
      const m = await masks.get(v.key, () => readRuleMasks(db, v.data));
      const etag = `"rules-${v.key}-${m.screeningRun}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      return sendBinary(c, etag, m.buffer);
    });
}
