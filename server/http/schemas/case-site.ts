/** Schemas of a case's relocation destination and the relocation map layers (routes/case-sites.ts). */
import { z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '../../domain/case-lifecycle.ts';
import { REPLACEMENT_SECTORS } from '../../domain/relocation/capacity-replacement.ts';

const lon = z.number().min(-180).max(180).openapi({ example: 110.05, description: 'WGS84 longitude' });
const lat = z.number().min(-90).max(90).openapi({ example: 40.62, description: 'WGS84 latitude' });
const version = z.number().int().min(1).openapi({ description: 'The case version you read' });

export const SiteProposeBody = z
  .object({
    version,
    park_id: z
      .string()
      .min(1)
      .max(200)
      .nullable()
      .optional()
      .openapi({ description: "The industrial park's zone id; omit for a chosen point" }),
    lon,
    lat,
    reason: z.string().trim().min(1).max(2000).openapi({ description: 'Why this site' }),
  })
  .strict()
  .openapi('SitePropose');

export const SiteApproveBody = z
  .object({ version, note: z.string().max(2000).optional().openapi({ description: 'Approval note' }) })
  .strict()
  .openapi('SiteApprove');

export const SiteWithdrawBody = z
  .object({ version, reason: z.string().trim().min(1).max(2000) })
  .strict()
  .openapi('SiteWithdraw');

export const SiteApplyBody = z.object({ version }).strict().openapi('SiteApply');

export const ProposedSiteSchema = z
  .object({
    park_id: z.string().nullable(),
    name: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    region_code: z.string().nullable().openapi({ description: 'The prefecture the site lies in' }),
    reason: z.string(),
    proposed_by: z.string(),
    proposed_at: z.string(),
  })
  .openapi('ProposedSite');

export const ApprovedSiteSchema = z
  .object({ approved_by: z.string(), approved_at: z.string(), note: z.string().nullable() })
  .openapi('ApprovedSite');

export const CapacityReplacementSchema = z
  .object({
    sector: z.enum(REPLACEMENT_SECTORS),
    ratio: z.number().openapi({ description: 'Capacity retired for each unit built (e.g. 1.25)' }),
    jurisdiction: z.string().openapi({ description: 'Where the ratio applies (GB/T 2260; 000000 national)' }),
    retired: z.number().openapi({ description: "The plant's capacity, all of it retired when it moves" }),
    may_rebuild: z.number().openapi({ description: 'What it may build at the new site: retired / ratio' }),
    unit: z.string().nullable(),
    source: z
      .object({
        id: z.string(),
        title_zh: z.string(),
        title_en: z.string(),
        document_number: z.string(),
        date: z.string(),
        note: z.string().optional(),
      })
      .openapi({ description: 'The implementation measures the ratio comes from' }),
    note: z.string().nullable().openapi({ description: "The data's remark on the value, in English" }),
    note_zh: z.string().nullable().openapi({ description: 'The same remark in Chinese' }),
  })
  .openapi('CapacityReplacement');

export const CaseRelocationSchema = z
  .object({
    proposed: ProposedSiteSchema.nullable(),
    approved: ApprovedSiteSchema.nullable(),
    applied_at: z.string().nullable().openapi({ description: "When the enterprise's stored location was moved to the site" }),
    capacity: CapacityReplacementSchema.nullable(),
  })
  .nullable()
  .openapi('CaseRelocation', { description: 'Where the enterprise goes; null for cases that are not relocate or withdraw' });

export const SiteFlowsSchema = z
  .array(
    z.object({
      case_id: z.number().int(),
      enterprise_id: z.string(),
      enterprise_name: z.string().nullable(),
      enterprise_name_en: z.string().nullable().openapi({ description: "The enterprise's English name, where the data has one" }),
      status: z.enum(CASE_STATUSES),
      stage: z.enum(['proposed', 'approved', 'applied']),
      from: z.tuple([z.number(), z.number()]).openapi({ description: '[lon, lat] where the enterprise stands (stood, once applied)' }),
      to: z.tuple([z.number(), z.number()]).openapi({ description: '[lon, lat] of the site' }),
      park_id: z.string().nullable(),
      site_name: z.string().nullable(),
      site_name_en: z.string().nullable().openapi({ description: "The park's English name; null for a point outside a park" }),
    }),
  )
  .openapi('SiteFlows');

export const ParkRoomSchema = z
  .array(
    z.object({
      park_id: z.string(),
      name: z.string().nullable(),
      name_en: z.string().nullable(),
      region_code: z.string().nullable(),
      lon: z.number(),
      lat: z.number(),
      land_total_ha: z.number().nullable(),
      land_free_ha: z.number().nullable(),
      proposed: z.number().int().openapi({ description: 'Cases (in your region) proposing the park, not yet approved' }),
      approved: z.number().int().openapi({ description: 'Cases (in your region) with the park approved, applied or not' }),
    }),
  )
  .openapi('ParkRoom');
