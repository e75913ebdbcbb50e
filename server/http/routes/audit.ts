/**
 * Reading the audit trail, never changing it: there is no write route. Officials see the entries
 * of cases in their region; admins see everything (account entries too) and can check the chain.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { type AuditFilter, listAudit, verifyAuditChain } from '../../db/audit-store.ts';
import { AUDIT_EVENTS } from '../../domain/audit.ts';
import { auditCsv } from '../../export/export-audit.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { AuditChainReportSchema, AuditEntrySchema, isoDate } from '../schemas/case.ts';
import { errorResponses } from '../schemas/common.ts';
import { ledgerDenied } from './cases.ts';

const list = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Audit entries in the order written, as JSON or a CSV download',
  request: {
    query: z.object({
      case: z.coerce.number().int().min(1).optional().openapi({ description: 'Only this case' }),
      entity: z
        .enum(['case', 'user', 'publication'])
        .optional()
        .openapi({ description: 'Account and publication entries are for admins only' }),
      entity_id: z.string().trim().min(1).max(64).optional().openapi({ description: 'Only this entity (a case number, a user id)' }),
      event: z.enum(AUDIT_EVENTS).optional().openapi({ description: 'Only this kind of entry' }),
      actor: z.string().trim().min(1).max(200).optional().openapi({ description: 'Only entries by this username (or screening)' }),
      from: isoDate.optional().openapi({ description: 'Logged on or after this day (China Standard Time)' }),
      to: isoDate.optional().openapi({ description: 'Logged on or before this day (China Standard Time)' }),
      order: z.enum(['asc', 'desc']).default('asc').openapi({ description: 'desc: newest first' }),
      format: z.enum(['json', 'csv']).default('json'),
      limit: z.coerce.number().int().min(1).max(100_000).default(1000),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: {
    200: {
      description: 'Entries',
      content: {
        'application/json': { schema: z.object({ items: z.array(AuditEntrySchema), total: z.number().int() }) },
        'text/csv': { schema: z.string() },
      },
    },
    ...ledgerDenied,
    ...errorResponses,
  },
});

const verify = createRoute({
  method: 'get',
  path: '/audit/verify',
  tags: ['audit'],
  summary: 'Recomputes every hash chain of the audit log and lists any entry altered, removed or out of place',
  responses: {
    200: {
      description: 'The report; problems is empty when the log is intact',
      content: {
        'application/json': {
          schema: AuditChainReportSchema,
        },
      },
    },
    ...ledgerDenied,
  },
});

const DAY_MS = 86_400_000;

/** The instant a day starts in China Standard Time, the calendar the ledger's officials use. */
const chinaDayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`));

export function auditRoutes({ db }: AppDeps) {
  return router()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const principal = caller(c);
      const filter: AuditFilter = { limit: query.limit, offset: query.offset, region: principal.region };
      // Account entries (logins' tokens, role changes) are an admin's business.
      if (principal.role !== 'admin' || query.entity === 'case' || query.case !== undefined) filter.entity = 'case';
      else if (query.entity) filter.entity = query.entity;
      if (query.case !== undefined) filter.entityId = String(query.case);
      else if (query.entity_id !== undefined) filter.entityId = query.entity_id;
      if (query.event) filter.event = query.event;
      if (query.actor) filter.actor = query.actor;
      if (query.from) filter.since = chinaDayStart(query.from);
      if (query.to) filter.before = new Date(chinaDayStart(query.to).getTime() + DAY_MS);
      if (query.order === 'desc') filter.newestFirst = true;
      const page = await listAudit(db, filter);
      if (query.format === 'csv') {
        c.header('content-type', 'text/csv; charset=utf-8');
        c.header('content-disposition', 'attachment; filename="audit.csv"');
        c.header('cache-control', 'private, no-store');
        return c.body(auditCsv(page.items), 200);
      }
      return c.json(page, 200);
    })
    .openapi(verify, async (c) => c.json(await verifyAuditChain(db), 200));
}
