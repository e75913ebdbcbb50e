/**
 * The rule-set format: a versioned list of rules, each with a jurisdiction, a bilingual title, the
 * policy it cites, a condition and an outcome. Validated once, at the edge where a file is loaded;
 * the engine trusts the resulting types.
 */
import { z } from 'zod';
import { ACTIONS } from '../actions.ts';
import { COMPLIANCE_STANDARDS, EQUIPMENT_KINDS, PLANT_STATUSES } from '../enterprise.ts';
import { RESERVE_ZONE_TYPES, ZONE_KINDS } from '../zone.ts';
import { METRICS } from './metrics.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');
const SectorPrefix = z.string().regex(/^[A-T](\d{2}){0,2}\d?$/, 'expected a GB/T 4754 code or prefix such as C31');

export const ZoneCondition = z
  .object({
    kinds: z.array(z.enum(ZONE_KINDS)).min(1),
    zone_types: z.array(z.enum(RESERVE_ZONE_TYPES)).min(1).optional(),
    /** Inside (0) or within this many metres of the zone. */
    within_m: z.number().min(0).max(100_000).default(0),
    /** Only plants outside the zone but within the band. */
    outside_only: z.boolean().default(false),
  })
  .strict();

export const CommissionedCondition = z
  .object({
    after: IsoDate.optional(),
    before: IsoDate.optional(),
    /** Plants not yet commissioned (announced, pre-construction, construction) also match. */
    include_planned: z.boolean().default(false),
  })
  .strict();

export const EquipmentCondition = z
  .object({
    kind: z.enum(EQUIPMENT_KINDS),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
  })
  .strict();

export const IndicatorCondition = z
  .object({
    metric: z.enum(METRICS),
    op: z.enum(['<', '<=', '>', '>=']),
    value: z.number().optional(),
    /** Thresholds that change over time: the last one whose date is on or before as-of applies. */
    thresholds: z
      .array(z.object({ from: IsoDate, value: z.number() }).strict())
      .min(1)
      .optional(),
    /** Ladder pricing: the surcharge grows by `price` for each `step` above the threshold. */
    ladder: z.object({ step: z.number().positive(), price: z.number().positive(), unit: z.string() }).strict().optional(),
  })
  .strict()
  .refine((c) => (c.value === undefined) !== (c.thresholds === undefined), { message: 'give either value or thresholds' });

export const ComplianceCondition = z
  .object({
    standards: z.array(z.enum(COMPLIANCE_STANDARDS)).min(1).optional(),
    state: z.enum(['failed_within_deadline', 'failed_past_deadline']),
  })
  .strict();

export const EnterpriseCondition = z
  .object({
    scattered_dirty: z.boolean().optional(),
    green_factory: z.boolean().optional(),
    in_park: z.boolean().optional(),
    above_scale: z.boolean().optional(),
  })
  .strict();

export const Conditions = z
  .object({
    zone: ZoneCondition.optional(),
    sectors: z.array(SectorPrefix).min(1).optional(),
    exclude_sectors: z.array(SectorPrefix).min(1).optional(),
    statuses: z.array(z.enum(PLANT_STATUSES)).min(1).optional(),
    commissioned: CommissionedCondition.optional(),
    equipment: EquipmentCondition.optional(),
    indicator: IndicatorCondition.optional(),
    compliance: ComplianceCondition.optional(),
    enterprise: EnterpriseCondition.optional(),
    /** A yearly window such as the heating season, 11-15 to 03-15. */
    season: z.object({ from: MonthDay, to: MonthDay }).strict().optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: 'a rule needs at least one condition' });

export const Rule = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash and underscore'),
    policy: z.string().regex(/^P\d{1,2}$/, 'expected a policy reference such as P1'),
    jurisdiction: z.string().regex(/^\d{6}$/, 'expected a six-digit GB/T 2260 code (000000 = national)'),
    title: z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict(),
    citation: z.string().min(1),
    /** The same citation in Chinese (the policy's own words), shown in the Chinese UI. */
    citation_zh: z.string().min(1).optional(),
    /** Wider rules this one replaces for enterprises inside its jurisdiction. */
    overrides: z.array(z.string()).optional(),
    /** The rule is in force on as-of dates within this range. */
    in_force: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).strict().optional(),
    when: Conditions,
    then: z
      .object({
        action: z.enum(ACTIONS),
        severity: z.number().int().min(0).max(5),
        /** A date, or the rectification deadline of the failed compliance result. */
        deadline: z
          .union([IsoDate, z.literal('rectification_deadline')])
          .nullable()
          .default(null),
      })
      .strict(),
  })
  .strict();

export const RuleSet = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().optional(),
    rules: z.array(Rule),
  })
  .strict()
  .superRefine((set, ctx) => {
    const ids = new Map<string, number>();
    set.rules.forEach((rule, i) => {
      const first = ids.get(rule.id);
      if (first !== undefined)
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id, first used by rules[${first}]` });
      else ids.set(rule.id, i);
    });
    set.rules.forEach((rule, i) => {
      rule.overrides?.forEach((target, k) => {
        if (!ids.has(target))
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'overrides', k], message: `overrides unknown rule "${target}"` });
      });
    });
  });

export type ZoneConditionT = z.infer<typeof ZoneCondition>;
export type CommissionedConditionT = z.infer<typeof CommissionedCondition>;
export type EquipmentConditionT = z.infer<typeof EquipmentCondition>;
export type IndicatorConditionT = z.infer<typeof IndicatorCondition>;
export type ComplianceConditionT = z.infer<typeof ComplianceCondition>;
export type EnterpriseConditionT = z.infer<typeof EnterpriseCondition>;
export type ConditionsT = z.infer<typeof Conditions>;
export type RuleT = z.infer<typeof Rule>;
export type RuleSetT = z.infer<typeof RuleSet>;
