import { z } from '@hono/zod-openapi';
import { ENTERPRISE_SORTS } from '../../db/enterprise-query.ts';
import { ACTIONS } from '../../domain/actions.ts';
import type { IndicatorColumn } from '../../domain/column-payload.ts';
import { COMPLIANCE_STANDARDS, LOCATION_ACCURACIES, PLANT_STATUSES } from '../../domain/enterprise.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { bboxParam, csvList } from './common.ts';
import { FlagSchema, NoteSchema } from './screening.ts';

export const sectorPrefix = z.string().regex(/^[A-T](\d{2}){0,2}\d?$/, 'expected a GB/T 4754 code or prefix such as C31 or C3110');
export const regionCode = z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code');

export const EnterpriseFilterQuery = z.object({
  bbox: bboxParam.optional(),
  sector: csvList(sectorPrefix).optional().openapi({ example: 'C31,C3216', description: 'GB/T 4754 prefixes, comma-separated' }),
  region: csvList(regionCode)
    .optional()
    .openapi({ example: '150200', description: 'GB/T 2260 codes; a province or prefecture includes everything in it' }),
  status: csvList(z.enum(PLANT_STATUSES)).optional().openapi({ example: 'operating,construction' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Text in the name or credit code, or an exact id' }),
  key: z.coerce.number().int().positive().optional().openapi({ description: 'The compact key carried by the binary point payload' }),
});

/** `MIN,MAX` with either side empty: `-30,` is "at most a 30 % fall"… any value from −30 up. */
const rangeParam = z.string().transform((s, ctx) => {
  const parts = s.split(',');
  const bound = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));
  const [min, max] = [bound(parts[0]), bound(parts[1])];
  if (parts.length !== 2 || [min, max].some((v) => v !== null && !Number.isFinite(v)) || (min !== null && max !== null && min > max)) {
    ctx.addIssue({ code: 'custom', message: 'expected MIN,MAX with MIN ≤ MAX (either may be empty)' });
    return z.NEVER;
  }
  return [min, max] as [number | null, number | null];
});

/**
 * The map's own filters on top of the list filters, with the map's meaning (web/src/filter), so
 * that an export of "what the map shows" is exactly that.
 */
export const MapFilterQuery = EnterpriseFilterQuery.extend({
  action: csvList(z.enum([...ACTIONS, 'none']))
    .optional()
    .openapi({ example: 'relocate,withdraw', description: "the enterprise's most severe action; none = not flagged" }),
  rule: csvList(z.string().min(1).max(100))
    .optional()
    .openapi({ example: 'P1-reserve-core-buffer', description: 'rule ids of the rule set in force; any flag of any of them' }),
  zone: csvList(z.enum(ZONE_KINDS)).optional().openapi({ example: 'nature_reserve', description: 'inside a zone of any of these kinds' }),
  energy_intensity: rangeParam
    .optional()
    .openapi({ example: '0,1.5', description: 'tce per 10,000 CNY of added value in `year`, MIN,MAX' }),
  water_intensity: rangeParam.optional().openapi({ example: '0,20', description: 'm³ per 10,000 CNY of added value in `year`, MIN,MAX' }),
  energy_change: rangeParam.optional().openapi({ example: '-18,', description: 'energy intensity change against 2015 in %, MIN,MAX' }),
  water_change: rangeParam.optional().openapi({ example: '-23,', description: 'water intensity change against 2015 in %, MIN,MAX' }),
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .openapi({ description: 'indicator year for the ranges (default: the latest)' }),
  shape: z
    .string()
    .max(20_000)
    .optional()
    .openapi({ example: 'c:109.84,40.66,5000', description: 'a drawn selection: r:w,s,e,n · c:lon,lat,metres · p:x,y;x,y;…' }),
});

export const EnterpriseListQuery = EnterpriseFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  sort: z.enum(ENTERPRISE_SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const EnterpriseSchema = z
  .object({
    id: z.string(),
    key: z.number().int(),
    name: z.string(),
    credit_code: z.string().nullable(),
    sector: z.string().openapi({ example: 'C3110' }),
    region_code: z.string().nullable().openapi({ example: '150200' }),
    lon: z.number(),
    lat: z.number(),
    location_accuracy: z.enum(LOCATION_ACCURACIES),
    status: z.enum(PLANT_STATUSES),
    commissioned_year: z.number().int().nullable(),
    above_scale: z.boolean().nullable(),
    in_park: z.boolean().nullable(),
    capacity: z.number().nullable(),
    capacity_unit: z.string().nullable(),
    scattered_dirty: z.boolean(),
    green_factory: z.boolean(),
    attributes: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('Enterprise');

export const EnterpriseListSchema = z.object({ items: z.array(EnterpriseSchema), total: z.number().int() }).openapi('EnterpriseList');

const nullableNumber = z.number().nullable();

export const IndicatorYearSchema = z
  .object({
    year: z.number().int(),
    energy_tce: nullableNumber.openapi({ description: 'Energy use, tonnes of coal equivalent' }),
    added_value: nullableNumber.openapi({ description: 'Industrial added value, 10,000 CNY' }),
    water_m3: nullableNumber,
    output: nullableNumber,
    output_unit: z.string().nullable(),
    so2_t: nullableNumber,
    nox_t: nullableNumber,
    particulates_t: nullableNumber,
    cod_t: nullableNumber,
    solid_waste_t: nullableNumber,
    solid_waste_used_t: nullableNumber,
    unit_power_kwh: nullableNumber,
  })
  .openapi('IndicatorYear');

export const EquipmentSchema = z
  .object({
    kind: z.string(),
    size: nullableNumber,
    unit: z.string().nullable(),
    count: z.number().int(),
    commissioned_year: z.number().int().nullable(),
  })
  .openapi('Equipment');

export const ComplianceSchema = z
  .object({
    standard: z.enum(COMPLIANCE_STANDARDS),
    passed: z.boolean(),
    assessed_on: z.string(),
    rectify_by: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('ComplianceResult');

export const EnterpriseDetailSchema = EnterpriseSchema.extend({
  indicators: z.array(IndicatorYearSchema),
  equipment: z.array(EquipmentSchema),
  compliance: z.array(ComplianceSchema),
  flags: z.array(FlagSchema),
  notes: z.array(NoteSchema),
}).openapi('EnterpriseDetail');

// Every indicator column of the map has its range parameter above.
const _everyRange: Record<IndicatorColumn, unknown> = MapFilterQuery.shape;
void _everyRange;
