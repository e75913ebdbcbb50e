/**
 * What crosses the wire, as types inferred from the schemas the routes validate and document with,
 * for the browser to import. Type-only: every import here is `import type`, so a web module that
 * imports this file takes no zod, Hono or server code into its bundle — only the shapes.
 *
 * Responses are the schemas' output types (what the server sends); request bodies are their input
 * types (what a client may send before defaults and transforms).
 */
import type { z } from '@hono/zod-openapi';
import type { AccountPatchBody, AccountSchema, ApiTokenSchema, MeSchema, NewAccountBody } from './auth.ts';
import type {
  AuditChainReportSchema,
  AuditEntrySchema,
  CaseBulkBody,
  CaseCountsSchema,
  CaseDetailSchema,
  CaseListSchema,
  CaseMapSchema,
  CasePatchBody,
  CaseSchema,
  EvidenceSchema,
} from './case.ts';
import type { CaseRelocationSchema, ParkRoomSchema, SiteFlowsSchema } from './case-site.ts';
import type { EnterpriseDetailSchema, EnterpriseListSchema, EnterpriseSchema } from './enterprise.ts';
import type { ColumnIndexSchema, EnterpriseNameSchema } from './enterprise-columns.ts';
import type { ImportLogSchema, PreviewSchema, ReportSchema } from './imports.ts';
import type { CatalogueSchema } from './meta.ts';
import type { PublicationListingSchema, PublishedSchema } from './publications.ts';
import type { FlagSchema } from './screening.ts';
import type { ActionsOverTimeSchema } from './stats.ts';

/** GET /api/auth/me: user null for an anonymous caller. */
export type MeResponse = z.infer<typeof MeSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type ApiTokenRecord = z.infer<typeof ApiTokenSchema>;
export type NewAccount = z.input<typeof NewAccountBody>;
export type AccountChange = z.input<typeof AccountPatchBody>;

export type CaseRecord = z.infer<typeof CaseSchema>;
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseDetail = z.infer<typeof CaseDetailSchema>;
export type CaseEvidence = z.infer<typeof EvidenceSchema>;
export type CaseCounts = z.infer<typeof CaseCountsSchema>;
export type CaseMap = z.infer<typeof CaseMapSchema>;
export type CasePatch = z.input<typeof CasePatchBody>;
export type CaseBulkEdit = z.input<typeof CaseBulkBody>;
export type AuditEntryRecord = z.infer<typeof AuditEntrySchema>;
/** A case's destination (CaseDetail.relocation, null there unless the case relocates or withdraws). */
export type CaseRelocation = NonNullable<z.infer<typeof CaseRelocationSchema>>;
/** GET /api/relocation/flows: one case's move, origin to destination. */
export type RelocationFlow = z.infer<typeof SiteFlowsSchema>[number];
/** GET /api/relocation/park-room: one industrial park's land and the sites proposed or approved in it. */
export type ParkRoom = z.infer<typeof ParkRoomSchema>[number];

export type EnterpriseRecord = z.infer<typeof EnterpriseSchema>;
export type EnterpriseList = z.infer<typeof EnterpriseListSchema>;
export type EnterpriseDetail = z.infer<typeof EnterpriseDetailSchema>;
export type FlagRecord = z.infer<typeof FlagSchema>;

export type ImportPreview = z.infer<typeof PreviewSchema>;
export type ImportReport = z.infer<typeof ReportSchema>;
export type ImportLog = z.infer<typeof ImportLogSchema>;

export type ActionsOverTime = z.infer<typeof ActionsOverTimeSchema>;

/** GET /api/catalogue. */
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** POST /api/publications and its siblings: a version published. */
export type Published = z.infer<typeof PublishedSchema>;
/** GET /api/publications: each item. */
export type PublicationListing = z.infer<typeof PublicationListingSchema>;

/** GET /api/enterprises/columns. */
export type ColumnIndex = z.infer<typeof ColumnIndexSchema>;
export type RuleInfo = ColumnIndex['rules'][number];
/** GET /api/enterprises/names: each entry. */
export type EnterpriseName = z.infer<typeof EnterpriseNameSchema>;

/** GET /api/audit/verify. */
export type AuditChainReport = z.infer<typeof AuditChainReportSchema>;
