/**
 * The ledger's cases: list with filters, counts by region and status, status per enterprise for
 * the map, one case with its history and evidence, and edits (one, or many at once). Every read
 * and write is confined to the caller's region.
 */

import type { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { listAudit } from '../../db/audit-store.ts';
import type { CaseFilter } from '../../db/case-query.ts';
import { getCase, listCases } from '../../db/case-store.ts';
import { caseStatusByEnterprise, countCases } from '../../db/case-summary-store.ts';
import type { Database } from '../../db/database.ts';
import { listEvidence } from '../../db/evidence-store.ts';
import { OVERDUE_BANDS, type OverdueBand } from '../../domain/case.ts';
import { CASE_STATUSES, chinaToday, nextStatuses } from '../../domain/case-lifecycle.ts';
import { reason } from '../../domain/reasons.ts';
import { type Principal, principalCovers } from '../../domain/roles.ts';
import { caseRelocation } from '../../ledger/case-relocation.ts';
import { editCase, editCases } from '../../ledger/edit-cases.ts';
import { refreshRelocationReach } from '../../relocation/relocation-reach.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import {
  CaseBulkBody,
  CaseCountsSchema,
  CaseDetailSchema,
  CaseIdParam,
  CaseListQuery,
  CaseListSchema,
  CaseMapSchema,
  CasePatchBody,
  CaseSchema,
} from '../schemas/case.ts';
import { bboxParam, ErrorSchema, errorResponses, notFound } from '../schemas/common.ts';

export const ledgerDenied = {
  401: { description: 'Not logged in', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Role too low, or the case is outside your region', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

const conflict = {
  409: {
    description: 'Stale version, or a status move the lifecycle does not allow; nothing changed',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;

const list = createRoute({
  method: 'get',
  path: '/cases',
  tags: ['ledger'],
  summary: 'Cases matching filters, a page at a time',
  request: { query: CaseListQuery },
  responses: {
    200: { description: 'A page of cases and the total matching', content: { 'application/json': { schema: CaseListSchema } } },
    ...ledgerDenied,
    ...errorResponses,
  },
});

/** The list's filters that the counts and the case map take too (not its paging or sorting). */
const CASE_FILTER_FIELDS = {
  status: true,
  action: true,
  region: true,
  overdue: true,
  flagged: true,
  site: true,
  no_site_within: true,
} as const;

const counts = createRoute({
  method: 'get',
  path: '/cases/counts',
  tags: ['ledger'],
  summary: 'Case counts by prefecture and status (with how many are overdue)',
  request: {
    query: CaseListQuery.pick({ ...CASE_FILTER_FIELDS, q: true }),
  },
  responses: {
    200: { description: 'Counts', content: { 'application/json': { schema: CaseCountsSchema } } },
    ...ledgerDenied,
    ...errorResponses,
  },
});

const map = createRoute({
  method: 'get',
  path: '/cases/map',
  tags: ['ledger'],
  summary: 'One case status per enterprise key, to colour the map by case status',
  request: {
    query: CaseListQuery.pick(CASE_FILTER_FIELDS).extend({
      box: bboxParam.optional().openapi({
        example: '117.9,39.4,118.5,39.9',
        description: 'only enterprises inside west,south,east,north: the window of a national map (catalogue map.mode "server")',
      }),
    }),
  },
  responses: {
    200: { description: 'Parallel arrays', content: { 'application/json': { schema: CaseMapSchema } } },
    ...ledgerDenied,
    ...errorResponses,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags: ['ledger'],
  summary: 'One case with its history (the audit timeline), evidence and allowed next statuses',
  request: { params: CaseIdParam },
  responses: {
    200: { description: 'The case', content: { 'application/json': { schema: CaseDetailSchema } } },
    ...ledgerDenied,
    ...notFound,
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/cases/{id}',
  tags: ['ledger'],
  summary: 'Changes status, deadline (with a reason), note, department or assignee; `version` must be the one you read',
  request: { params: CaseIdParam, body: { content: { 'application/json': { schema: CasePatchBody } }, required: true } },
  responses: {
    200: { description: 'The case after the change', content: { 'application/json': { schema: CaseSchema } } },
    ...ledgerDenied,
    ...notFound,
    ...conflict,
    ...errorResponses,
  },
});

const bulk = createRoute({
  method: 'post',
  path: '/cases/bulk',
  tags: ['ledger'],
  summary: 'Applies one change to many cases, all or nothing; each case names the version you read',
  request: { body: { content: { 'application/json': { schema: CaseBulkBody } }, required: true } },
  responses: {
    200: { description: 'The cases after the change', content: { 'application/json': { schema: CaseListSchema } } },
    ...ledgerDenied,
    ...notFound,
    ...conflict,
    ...errorResponses,
  },
});

function caseFilter(query: Partial<z.infer<typeof CaseListQuery>>, principal: Principal): CaseFilter {
  const filter: CaseFilter = { scope: principal.region };
  if (query.status) filter.statuses = query.status;
  if (query.action) filter.actions = query.action;
  if (query.region) filter.regions = query.region;
  if (query.overdue !== undefined) filter.overdue = query.overdue;
  if (query.flagged !== undefined) filter.flagged = query.flagged;
  if (query.q) filter.q = query.q;
  if (query.enterprise) filter.enterpriseId = query.enterprise;
  if (query.site) filter.site = query.site;
  if (query.no_site_within !== undefined) filter.noSiteWithinKm = query.no_site_within;
  return filter;
}

/**
 * The filter of a query, ready to read: the no_site_within filter reads relocation_reach, the
 * nearest qualifying site of each moving enterprise, so that table is brought up to date first.
 * Every route that filters cases (list, counts, map, flows, export) goes through here.
 */
export async function readyCaseFilter(
  db: Database,
  query: Partial<z.infer<typeof CaseListQuery>>,
  principal: Principal,
): Promise<CaseFilter> {
  const filter = caseFilter(query, principal);
  if (filter.noSiteWithinKm !== undefined) await refreshRelocationReach(db, chinaToday());
  return filter;
}

/** One case as GET /api/cases/{id} answers it: with its history, evidence, next statuses and destination. */
export async function caseDetail(db: Database, principal: Principal, id: number) {
  const today = chinaToday();
  const found = await getCase(db, id, today);
  if (!found) throw ApiError.because(404, reason('case_not_found', { id }));
  if (!principalCovers(principal, found.region_code)) {
    throw ApiError.because(
      403,
      reason('case_outside_region', { id, region: found.region_code ?? '(none)', scope: principal.region ?? '' }),
    );
  }
  const [history, evidence, relocation] = await Promise.all([
    listAudit(db, { entity: 'case', entityId: String(id) }),
    listEvidence(db, id),
    caseRelocation(db, found, today),
  ]);
  return { ...found, history: history.items, evidence, next_statuses: nextStatuses(found.status), relocation };
}

export function caseRoutes({ db }: AppDeps) {
  return router()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const page = { sort: query.sort, order: query.order, limit: query.limit, offset: query.offset };
      return c.json(await listCases(db.reads, await readyCaseFilter(db, query, caller(c)), page, chinaToday()), 200);
    })
    .openapi(counts, async (c) => {
      const rows = await countCases(db, await readyCaseFilter(db, c.req.valid('query'), caller(c)), chinaToday());
      const total = rows.reduce((n, r) => n + r.count, 0);
      const overdue = rows.reduce((n, r) => n + r.overdue, 0);
      const bands = Object.fromEntries(OVERDUE_BANDS.map((b) => [b.id, rows.reduce((n, r) => n + r.overdue_bands[b.id], 0)])) as Record<
        OverdueBand,
        number
      >;
      return c.json({ rows, total, overdue, overdue_bands: bands }, 200);
    })
    .openapi(map, async (c) => {
      const { box, ...query } = c.req.valid('query');
      const filter = await readyCaseFilter(db, query, caller(c));
      const result = await caseStatusByEnterprise(db, box ? { ...filter, box } : filter, chinaToday());
      c.header('cache-control', 'no-store');
      return c.json({ statuses: [...CASE_STATUSES], ...result }, 200);
    })
    .openapi(detail, async (c) => c.json(await caseDetail(db, caller(c), c.req.valid('param').id), 200))
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const { version, ...edit } = c.req.valid('json');
      return c.json(await editCase(db, caller(c), { id, version }, edit), 200);
    })
    .openapi(bulk, async (c) => {
      const { cases, ...edit } = c.req.valid('json');
      const items = await editCases(db, caller(c), cases, edit);
      return c.json({ items, total: items.length }, 200);
    });
}
