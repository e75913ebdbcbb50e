/** Schemas of the ledger routes: they validate requests and generate the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { CASE_SORTS } from '../../db/case-query.ts';
import { ACTIONS } from '../../domain/actions.ts';
import { AUDIT_ENTITIES, AUDIT_EVENTS } from '../../domain/audit.ts';
import { MAX_NO_SITE_WITHIN_KM, SITE_FILTERS } from '../../domain/case.ts';
import { CASE_STATUSES } from '../../domain/case-lifecycle.ts';
import { CaseRelocationSchema } from './case-site.ts';
import { csvList } from './common.ts';
import { regionCode } from './enterprise.ts';

const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');

export const CaseFilterQuery = z.object({
  status: csvList(z.enum(CASE_STATUSES)).optional().openapi({ example: 'identified,in_progress' }),
  action: csvList(z.enum(ACTIONS)).optional().openapi({ example: 'withdraw,relocate' }),
  region: csvList(regionCode)
    .optional()
    .openapi({ example: '150200', description: 'GB/T 2260 codes; a province or prefecture includes everything in it' }),
  overdue: booleanParam.optional().openapi({ description: 'Deadline passed and the work neither finished nor waived' }),
  flagged: booleanParam.optional().openapi({ description: 'false: cases whose flag the latest screening no longer raises' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: "Text in the enterprise's name or credit code, or its id" }),
  enterprise: z.string().min(1).max(64).optional().openapi({ description: 'One enterprise id' }),
  site: z
    .enum(SITE_FILTERS)
    .optional()
    .openapi({ description: 'proposed: has a proposed site (approved or not); approved: its site is approved; none: no site' }),
  no_site_within: z.coerce
    .number()
    .min(0)
    .max(MAX_NO_SITE_WITHIN_KM)
    .optional()
    .openapi({ description: 'Relocate and withdraw cases whose nearest qualifying site is farther than this many km, or absent' }),
});

export const CaseListQuery = CaseFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(CASE_SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const CaseRuleSchema = z.object({
  rule_id: z.string(),
  policy: z.string(),
  title_zh: z.string(),
  title_en: z.string(),
  deadline: z.string().nullable(),
});

export const CaseSchema = z
  .object({
    id: z.number().int(),
    enterprise_id: z.string(),
    enterprise_name: z.string().nullable(),
    enterprise_name_en: z.string().nullable(),
    enterprise_key: z.number().int().nullable(),
    credit_code: z.string().nullable(),
    sector: z.string().nullable(),
    region_code: z.string().nullable(),
    action: z.enum(ACTIONS),
    status: z.enum(CASE_STATUSES),
    status_reason: z.string().nullable(),
    deadline: z.string().nullable().openapi({ example: '2019-12-31' }),
    deadline_set_by: z
      .string()
      .nullable()
      .openapi({ description: 'Who set the deadline by hand (screening then keeps it); null while it follows the rules' }),
    deadline_reason: z.string().nullable().openapi({ description: 'Why the deadline was set by hand' }),
    overdue: z.boolean(),
    overdue_days: z.number().int().nullable().openapi({ description: 'Days since the deadline passed, while overdue' }),
    department: z.string().nullable().openapi({ description: '责任单位' }),
    assignee: z.string().nullable(),
    last_note: z.string().nullable().openapi({ description: 'The latest progress note (进展情况)' }),
    rules: z.array(CaseRuleSchema),
    flagged: z.boolean().openapi({ description: 'false once re-screening no longer raises the flag' }),
    unflagged_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    version: z.number().int().openapi({ description: 'Send it back with every change (optimistic concurrency)' }),
  })
  .openapi('Case');

export const CaseListSchema = z.object({ items: z.array(CaseSchema), total: z.number().int() }).openapi('CaseList');

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    entity: z.enum(AUDIT_ENTITIES),
    entity_id: z.string(),
    seq: z.number().int(),
    event: z.enum(AUDIT_EVENTS),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    prev_hash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const EvidenceSchema = z
  .object({
    id: z.number().int(),
    case_id: z.number().int(),
    file_name: z.string(),
    media_type: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    uploaded_by: z.string(),
    uploaded_at: z.string(),
  })
  .openapi('Evidence');

export const CaseDetailSchema = CaseSchema.extend({
  history: z.array(AuditEntrySchema).openapi({ description: 'Every change to the case, oldest first' }),
  evidence: z.array(EvidenceSchema),
  next_statuses: z.array(z.enum(CASE_STATUSES)).openapi({ description: 'Where the status may move from here' }),
  relocation: CaseRelocationSchema,
}).openapi('CaseDetail');

const text = (max: number) => z.string().max(max);

export const CaseEditFields = {
  status: z.enum(CASE_STATUSES).optional(),
  note: text(2000).optional().openapi({ description: 'Why: required when moving to exempted or disputed, or back a step' }),
  department: text(200).nullable().optional().openapi({ description: '责任单位' }),
  assignee: text(200).nullable().optional(),
};

/** A calendar date that exists: 2027-02-30 matches the pattern but is refused. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (v) => {
      const ms = Date.parse(`${v}T00:00:00Z`);
      return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
    },
    { message: 'no such date' },
  );

export const CasePatchBody = z
  .object({
    version: z.number().int().min(1),
    ...CaseEditFields,
    deadline: isoDate.optional().openapi({
      example: '2027-06-30',
      description: 'A new deadline set by hand; needs a reason in `note`, and later screenings keep it',
    }),
  })
  .strict()
  .openapi('CasePatch');

export const CaseBulkBody = z
  .object({
    cases: z
      .array(z.object({ id: z.number().int().min(1), version: z.number().int().min(1) }).strict())
      .min(1)
      .max(1000),
    ...CaseEditFields,
  })
  .strict()
  .openapi('CaseBulkEdit');

export const CaseIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

const OverdueBandsSchema = z
  .object({ under_30: z.number().int(), from_30_to_180: z.number().int(), over_180: z.number().int() })
  .openapi({ description: 'Overdue cases by how long: under 30 days, 30 to 180, over 180' });

export const CaseCountsSchema = z
  .object({
    rows: z.array(
      z.object({
        region_code: z.string().nullable().openapi({ description: 'Prefecture code' }),
        status: z.enum(CASE_STATUSES),
        count: z.number().int(),
        overdue: z.number().int(),
        overdue_bands: OverdueBandsSchema,
      }),
    ),
    total: z.number().int(),
    overdue: z.number().int(),
    overdue_bands: OverdueBandsSchema,
  })
  .openapi('CaseCounts');

export const CaseMapSchema = z
  .object({
    statuses: z.array(z.enum(CASE_STATUSES)).openapi({ description: 'status[i] indexes this list' }),
    keys: z.array(z.number().int()).openapi({ description: 'Enterprise keys (as in the point payload), ascending' }),
    status: z.array(z.number().int()).openapi({ description: 'The overdue or least advanced case of each enterprise' }),
    overdue: z.array(z.number().int()).openapi({ description: '1 when that case is overdue' }),
  })
  .openapi('CaseMap');

/** GET /api/audit/verify: problems is empty when every chain is intact. */
export const AuditChainReportSchema = z
  .object({
    entries: z.number().int(),
    chains: z.number().int(),
    problems: z.array(z.object({ entity: z.string(), entity_id: z.string(), seq: z.number().int(), message: z.string() })),
  })
  .openapi('AuditChainReport');
