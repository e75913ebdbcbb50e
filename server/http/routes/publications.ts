/**
 * Publications, for planners and above: publish the planner map's current view, list, rename,
 * re-publish and withdraw — each a new frozen version or a status change, each audited. The
 * public never calls these; it reads /embed/*.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listPublications } from '../../db/publication-store.ts';
import { PublicationSpec } from '../../domain/publish/publication-spec.ts';
import { describePublished } from '../../publish/embed-snippet.ts';
import { createPublication, type PublishContext, rename, republish, withdraw } from '../../publish/publications.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import type { PublicationCache } from '../embed/publication-cache.ts';
import { filterFromQueryString } from '../map-filter.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import { PublicationListingSchema as Listing, PublishedSchema as Published } from '../schemas/publications.ts';

const denied = {
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Publishing needs the planner role or higher', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
const conflict = { 409: { description: 'Withdrawn already', content: { 'application/json': { schema: ErrorSchema } } } } as const;

const IdParam = z.object({ id: z.string().regex(/^[a-z2-9]{10}$/, 'expected a publication id') });

const list = createRoute({
  method: 'get',
  path: '/publications',
  tags: ['publications'],
  summary: 'Every publication with its latest version, live or withdrawn',
  responses: {
    200: { description: 'Publications', content: { 'application/json': { schema: z.object({ items: z.array(Listing) }) } } },
    ...denied,
  },
});

const create = createRoute({
  method: 'post',
  path: '/publications',
  tags: ['publications'],
  summary: 'Publishes a frozen, versioned snapshot of a map for the public (title, view, filter, fields, drawing, host sites)',
  request: { body: { content: { 'application/json': { schema: PublicationSpec } }, required: true } },
  responses: { 201: { description: 'Published', content: { 'application/json': { schema: Published } } }, ...denied, ...errorResponses },
});

const renameRoute = createRoute({
  method: 'patch',
  path: '/publications/{id}',
  tags: ['publications'],
  summary: 'Renames a publication: a new version with the new titles over the same frozen data',
  request: {
    params: IdParam,
    body: {
      content: {
        'application/json': {
          schema: z.object({ title: z.object({ zh: z.string().trim().min(1).max(120), en: z.string().trim().max(120).default('') }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'Renamed', content: { 'application/json': { schema: Published } } },
    ...denied,
    ...notFound,
    ...conflict,
    ...errorResponses,
  },
});

const republishRoute = createRoute({
  method: 'post',
  path: '/publications/{id}/republish',
  tags: ['publications'],
  summary: 'Publishes the same choices over today’s data as a new version',
  request: { params: IdParam },
  responses: {
    200: { description: 'Re-published', content: { 'application/json': { schema: Published } } },
    ...denied,
    ...notFound,
    ...conflict,
  },
});

const withdrawRoute = createRoute({
  method: 'post',
  path: '/publications/{id}/withdraw',
  tags: ['publications'],
  summary: 'Withdraws a publication: its embeds answer 410 from now on',
  request: { params: IdParam },
  responses: { 204: { description: 'Withdrawn' }, ...denied, ...notFound, ...conflict },
});

export function publicationRoutes({ db, config }: AppDeps, cache: PublicationCache) {
  const context: PublishContext = {
    db,
    dir: config.publicationsDir ?? 'data/greenline.publications',
    resolveFilter: filterFromQueryString,
  };
  const baseOf = (requestUrl: string) => config.publicUrl ?? new URL(requestUrl).origin;
  return router()
    .openapi(list, async (c) => {
      const base = baseOf(c.req.url);
      const items = (await listPublications(db)).map((p) => ({
        ...p,
        ...describePublished(base, { ...p, version: p.latest_version, count: p.enterprise_count }),
        spec: p.spec as unknown as Record<string, unknown>,
      }));
      return c.json({ items }, 200);
    })
    .openapi(create, async (c) => {
      const spec = c.req.valid('json');
      const result = await createPublication(context, spec, caller(c).username);
      return c.json(describePublished(baseOf(c.req.url), result), 201);
    })
    .openapi(renameRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { title } = c.req.valid('json');
      const result = await rename(context, id, title, caller(c).username);
      cache.invalidate(id);
      return c.json(describePublished(baseOf(c.req.url), result), 200);
    })
    .openapi(republishRoute, async (c) => {
      const { id } = c.req.valid('param');
      const result = await republish(context, id, caller(c).username);
      cache.invalidate(id);
      return c.json(describePublished(baseOf(c.req.url), result), 200);
    })
    .openapi(withdrawRoute, async (c) => {
      const { id } = c.req.valid('param');
      await withdraw(db, id, caller(c).username);
      cache.invalidate(id);
      return c.body(null, 204);
    });
}
