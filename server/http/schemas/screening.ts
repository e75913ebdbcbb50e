import { z } from '@hono/zod-openapi';
import { ACTIONS } from '../../domain/actions.ts';

const ZoneEvidence = z.object({
  kind: z.literal('zone'),
  zone_id: z.string(),
  zone_name: z.string(),
  zone_kind: z.string(),
  zone_type: z.string().nullable(),
  distance_m: z.number(),
  if_experimental: z
    .object({ rules: z.array(z.string()), action: z.enum(ACTIONS).nullable(), undecided: z.array(z.string()).optional() })
    .optional()
    .openapi({
      description:
        'Inside a reserve of unknown zoning (zone_type unzoned): the rules for its experimental zone and what they would ask of the plant there (null: nothing, it may stay)',
    }),
});

const ComparisonEvidence = z.object({
  kind: z.literal('comparison'),
  subject: z.string(),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  operator: z.string(),
  threshold: z.unknown(),
  unit: z.string().optional(),
  year: z.number().optional(),
});

export const FlagSchema = z
  .object({
    enterprise_id: z.string(),
    rule_id: z.string(),
    policy: z.string().openapi({ example: 'P1' }),
    citation: z.string(),
    citation_zh: z.string().nullable(),
    title_zh: z.string(),
    title_en: z.string(),
    action: z.enum(ACTIONS),
    severity: z.number().int(),
    deadline: z.string().nullable(),
    jurisdiction: z.string(),
    evidence: z.array(z.union([ZoneEvidence, ComparisonEvidence])),
    explanation_zh: z.string(),
    explanation_en: z.string(),
  })
  .openapi('Flag');

export const NoteSchema = z.object({ rule_id: z.string().nullable(), message: z.string() }).openapi('ScreeningNote');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );
