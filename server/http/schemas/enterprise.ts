import { z } from '@hono/zod-openapi';
import { ENTERPRISE_SORTS } from '../../db/enterprise-query.ts';
import { COMPLIANCE_STANDARDS, LOCATION_ACCURACIES, PLANT_STATUSES } from '../../domain/enterprise.ts';
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
