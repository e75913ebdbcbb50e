/**
 * Relocation sites for an enterprise that must relocate or withdraw: the parks ranked, or a point
 * or area an official chose, judged by screening the enterprise there (server/relocation). The
 * enterprise must be in the caller's region; the parks are listed for the park map layer.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Database } from '../../db/database.ts';
import { listParks } from '../../db/park-store.ts';
import { enterpriseOrigin } from '../../db/relocation-store.ts';
import { chinaToday } from '../../domain/case-lifecycle.ts';
import { reason } from '../../domain/reasons.ts';
import { type Principal, principalCovers } from '../../domain/roles.ts';
import { checkSites } from '../../relocation/check-sites.ts';
import { suggestSites } from '../../relocation/suggest.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import { EnterpriseIdParam, ParkListSchema, SiteSuggestionsSchema, SitesBody, SitesQuery } from '../schemas/relocation.ts';

const denied = {
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Role too low, or the enterprise is outside your region', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const notMoving = {
  409: {
    description: 'The enterprise has no relocate or withdraw flag as of the date',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

const suggestions = {
  description: 'Qualifying sites ranked, then the others',
  content: { 'application/json': { schema: SiteSuggestionsSchema } },
};

const sites = createRoute({
  method: 'get',
  path: '/relocation/{enterpriseId}/sites',
  tags: ['relocation'],
  summary: 'Industrial parks an enterprise that must relocate or withdraw could move to, ranked, with reasons',
  request: { params: EnterpriseIdParam, query: SitesQuery },
  responses: { 200: suggestions, ...denied, ...notFound, ...notMoving, ...errorResponses },
});

const check = createRoute({
  method: 'post',
  path: '/relocation/{enterpriseId}/sites',
  tags: ['relocation'],
  summary: 'Judge a point or a drawn area as a relocation site for the enterprise',
  request: { params: EnterpriseIdParam, body: { content: { 'application/json': { schema: SitesBody } }, required: true } },
  responses: { 200: suggestions, ...denied, ...notFound, ...notMoving, ...errorResponses },
});

const parks = createRoute({
  method: 'get',
  path: '/relocation/parks',
  tags: ['relocation'],
  summary: 'Industrial parks with the sectors they admit, their land and the point a plant is judged at',
  responses: { 200: { description: 'Parks by id', content: { 'application/json': { schema: ParkListSchema } } }, ...denied },
});

/** 404 for no such enterprise, 403 for one outside the caller's region. */
async function assertCovers(db: Database, principal: Principal, id: string): Promise<void> {
  const found = await enterpriseOrigin(db, id);
  if (!found) throw ApiError.because(404, reason('enterprise_not_found', { id }));
  if (!principalCovers(principal, found.region_code)) {
    throw ApiError.because(
      403,
      reason('relocation_outside_region', { id, region: found.region_code ?? '(none)', scope: principal.region ?? '' }),
    );
  }
}

export function relocationRoutes({ db }: AppDeps) {
  return router()
    .openapi(parks, async (c) => c.json(await listParks(db), 200))
    .openapi(sites, async (c) => {
      const { enterpriseId } = c.req.valid('param');
      const query = c.req.valid('query');
      await assertCovers(db, caller(c), enterpriseId);
      const result = await suggestSites(db, enterpriseId, {
        asOf: query.as_of ?? chinaToday(),
        ...(query.within !== undefined ? { withinKm: query.within } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      });
      return c.json(result, 200);
    })
    .openapi(check, async (c) => {
      const { enterpriseId } = c.req.valid('param');
      const body = c.req.valid('json');
      await assertCovers(db, caller(c), enterpriseId);
      const place = 'point' in body ? [{ lon: body.point[0], lat: body.point[1] }] : { area: body.area };
      return c.json(await checkSites(db, enterpriseId, place, body.as_of ?? chinaToday()), 200);
    });
}
