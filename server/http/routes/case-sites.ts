/**
 * Relocation destinations in the ledger: an official proposes a site for a relocate or withdraw
 * case, a second official approves it, either withdraws it, and once the case is completed the
 * enterprise's location is moved there (server/ledger/case-sites.ts). Each answers the case detail
 * as GET /api/cases/{id} does. Plus two map layers: the flows from each enterprise to its site and
 * the room left in each park. All confined to the caller's region.
 */
import { createRoute } from '@hono/zod-openapi';
import { countSitesByPark, listSiteFlows } from '../../db/case-site-store.ts';
import { listParks } from '../../db/park-store.ts';
import { chinaToday } from '../../domain/case-lifecycle.ts';
import { applySite, approveSite, proposeSite, SiteNotQualifying, withdrawSite } from '../../ledger/case-sites.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { CaseDetailSchema, CaseIdParam, CaseListQuery } from '../schemas/case.ts';
import {
  ParkRoomSchema,
  SiteApplyBody,
  SiteApproveBody,
  SiteFlowsSchema,
  SiteProposeBody,
  SiteWithdrawBody,
} from '../schemas/case-site.ts';
import { ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';
import { caseDetail, ledgerDenied, readyCaseFilter } from './cases.ts';

const refused = {
  409: {
    description: 'Stale version, a case that does not relocate or withdraw, or a site in the wrong state for this step; nothing changed',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

const unqualified = {
  422: {
    description: 'The site does not qualify; error.details.reasons lists the rules it would break',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

const siteRoute = <B extends typeof SiteProposeBody | typeof SiteApproveBody | typeof SiteWithdrawBody | typeof SiteApplyBody>(
  step: string,
  summary: string,
  body: B,
) =>
  createRoute({
    method: 'post',
    path: `/cases/{id}/site/${step}`,
    tags: ['ledger'],
    summary,
    request: { params: CaseIdParam, body: { content: { 'application/json': { schema: body } }, required: true } },
    responses: {
      200: { description: 'The case after the change', content: { 'application/json': { schema: CaseDetailSchema } } },
      ...ledgerDenied,
      ...notFound,
      ...refused,
      ...unqualified,
      ...errorResponses,
    },
  });

const propose = siteRoute(
  'propose',
  'Proposes where the enterprise goes (a park or a point); the site must qualify as of today. Replaces an earlier proposal and its approval',
  SiteProposeBody,
);
const approve = siteRoute(
  'approve',
  'Approves the proposed site: another official than its proposer, while it still qualifies',
  SiteApproveBody,
);
const withdraw = siteRoute('withdraw', 'Withdraws the proposed site (and its approval), with a reason', SiteWithdrawBody);
const apply = siteRoute(
  'apply',
  "Moves the enterprise's stored location to the approved site (case completed or accepted) and re-screens it",
  SiteApplyBody,
);

const flows = createRoute({
  method: 'get',
  path: '/relocation/flows',
  tags: ['ledger'],
  summary: 'One arc per case with a site, from the enterprise to the site, for the relocation map',
  request: {
    query: CaseListQuery.pick({ status: true, action: true, region: true, overdue: true, flagged: true, site: true, no_site_within: true }),
  },
  responses: {
    200: { description: 'The flows', content: { 'application/json': { schema: SiteFlowsSchema } } },
    ...ledgerDenied,
    ...errorResponses,
  },
});

const parkRoom = createRoute({
  method: 'get',
  path: '/relocation/park-room',
  tags: ['ledger'],
  summary: 'Each industrial park with its land and how many cases propose it or have it approved',
  responses: {
    200: { description: 'The parks', content: { 'application/json': { schema: ParkRoomSchema } } },
    ...ledgerDenied,
  },
});

/** The relocation rules' refusal as a 422 naming the rules; every other refusal passes through. */
async function judged<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SiteNotQualifying) throw new ApiError(422, error.message, 'bad_request', error.details, error.reason);
    throw error;
  }
}

export function caseSiteRoutes({ db }: AppDeps) {
  return router()
    .openapi(propose, async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...site } = c.req.valid('json');
      const principal = caller(c);
      await judged(() => proposeSite(db, principal, { id, version }, site));
      return c.json(await caseDetail(db, principal, id), 200);
    })
    .openapi(approve, async (c) => {
      const { id } = c.req.valid('param');
      const { version, note } = c.req.valid('json');
      const principal = caller(c);
      await judged(() => approveSite(db, principal, { id, version }, note ?? null));
      return c.json(await caseDetail(db, principal, id), 200);
    })
    .openapi(withdraw, async (c) => {
      const { id } = c.req.valid('param');
      const { version, reason } = c.req.valid('json');
      const principal = caller(c);
      await withdrawSite(db, principal, { id, version }, reason);
      return c.json(await caseDetail(db, principal, id), 200);
    })
    .openapi(apply, async (c) => {
      const { id } = c.req.valid('param');
      const { version } = c.req.valid('json');
      const principal = caller(c);
      await applySite(db, principal, { id, version });
      return c.json(await caseDetail(db, principal, id), 200);
    })
    .openapi(flows, async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await listSiteFlows(db, await readyCaseFilter(db, c.req.valid('query'), caller(c)), chinaToday()), 200);
    })
    .openapi(parkRoom, async (c) => {
      const counts = await countSitesByPark(db, { scope: caller(c).region }, chinaToday());
      const parks = await listParks(db);
      return c.json(
        parks.map((p) => ({
          park_id: p.id,
          name: p.name,
          name_en: p.name_en,
          region_code: p.region_code,
          lon: p.lon,
          lat: p.lat,
          land_total_ha: p.land_total_ha,
          land_free_ha: p.land_free_ha,
          proposed: counts.get(p.id)?.proposed ?? 0,
          approved: counts.get(p.id)?.approved ?? 0,
        })),
        200,
      );
    });
}
