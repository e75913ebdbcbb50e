/** Enterprise list with filters and paging, one enterprise in detail, and the binary points. */
import { createRoute, z } from '@hono/zod-openapi';
import type { EnterpriseFilter } from '../../db/enterprise-query.ts';
import { getEnterprise, listEnterprises } from '../../db/enterprise-store.ts';
import { flagsOfEnterprise, notesOfEnterprise } from '../../db/flag-store.ts';
import { getMeta } from '../../db/meta-store.ts';
import { readPoints } from '../../db/point-store.ts';
import { explainFlag } from '../../domain/explain-flag.ts';
import { reason } from '../../domain/reasons.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, notFound } from '../schemas/common.ts';
import { EnterpriseDetailSchema, type EnterpriseFilterQuery, EnterpriseListQuery, EnterpriseListSchema } from '../schemas/enterprise.ts';

const list = createRoute({
  method: 'get',
  path: '/enterprises',
  tags: ['enterprises'],
  summary: 'Enterprises matching filters, a page at a time',
  request: { query: EnterpriseListQuery },
  responses: {
    200: { description: 'A page of enterprises and the total matching', content: { 'application/json': { schema: EnterpriseListSchema } } },
    ...errorResponses,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/enterprises/{id}',
  tags: ['enterprises'],
  summary: 'One enterprise with its indicators, equipment, compliance results and flags',
  request: {
    params: z.object({
      id: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' }, example: 'E0000001' }),
    }),
  },
  responses: {
    200: { description: 'The enterprise', content: { 'application/json': { schema: EnterpriseDetailSchema } } },
    ...notFound,
  },
});

const points = createRoute({
  method: 'get',
  path: '/enterprises/points',
  tags: ['enterprises'],
  summary: 'Every enterprise as 17 bytes (position, key, region, sector group, action, status, zone kinds)',
  description: 'Binary layout documented in server/domain/point-payload.ts. Cached by data version; send If-None-Match.',
  responses: {
    200: {
      description: 'The point payload',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    304: { description: 'Unchanged since the ETag sent' },
  },
});

export function toFilter(query: z.infer<typeof EnterpriseFilterQuery>): EnterpriseFilter {
  const filter: EnterpriseFilter = {};
  if (query.bbox) filter.bbox = query.bbox;
  if (query.sector) filter.sectors = query.sector;
  if (query.region) filter.regions = query.region;
  if (query.status) filter.statuses = query.status;
  if (query.q) filter.q = query.q;
  if (query.key !== undefined) filter.key = query.key;
  return filter;
}

export function enterpriseRoutes({ db }: AppDeps) {
  // The payload for a million enterprises takes a few hundred milliseconds to build; it only
  // changes with the data version, so one copy is kept.
  let cached: { version: string; body: ArrayBuffer } | null = null;

  return router()
    .openapi(points, async (c) => {
      // Points carry each enterprise's action, so they change with the screening run too.
      const version = `${(await getMeta(db, 'data_version')) ?? '0'}.${(await getMeta(db, 'screening_run')) ?? '0'}`;
      // The layout is in the tag too: a browser holding a payload of an older layout must not be
      // told it is current.
      const etag = `"points-glp2-${version}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304);
      if (cached?.version !== version) cached = { version, body: await readPoints(db) };
      c.header('content-type', 'application/octet-stream');
      c.header('etag', etag);
      c.header('cache-control', 'no-cache');
      return c.body(cached.body, 200);
    })
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const result = await listEnterprises(db.reads, toFilter(query), {
        sort: query.sort,
        order: query.order,
        limit: query.limit,
        offset: query.offset,
      });
      return c.json(result, 200);
    })
    .openapi(detail, async (c) => {
      const { id } = c.req.valid('param');
      const enterprise = await getEnterprise(db.reads, id);
      if (!enterprise) throw ApiError.because(404, reason('enterprise_not_found', { id }));
      const flags = (await flagsOfEnterprise(db.reads, id)).map((f) => ({
        ...f,
        explanation_zh: explainFlag(f, 'zh'),
        explanation_en: explainFlag(f, 'en'),
      }));
      return c.json({ ...enterprise, flags, notes: await notesOfEnterprise(db.reads, id) }, 200);
    });
}
