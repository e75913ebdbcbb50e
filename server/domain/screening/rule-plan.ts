/**
 * Which rules apply to an enterprise: those whose jurisdiction contains its region and that are in
 * force on the as-of date, minus the wider rules a stricter local one overrides inside its
 * jurisdiction. Worked out once per region code, not once per enterprise.
 */
import { jurisdictionContains, NATIONAL_CODE } from '../regions.ts';
import { bandsByKind } from '../rules/conditions/zone.ts';
import type { RuleSetT, RuleT, ZoneConditionT } from '../rules/rule-schema.ts';

export class RulePlan {
  private readonly byRegion = new Map<string, RuleT[]>();
  private readonly byProfile = new Map<string, RuleT[]>();

  constructor(
    readonly ruleSet: RuleSetT,
    readonly asOf: string,
  ) {}

  rulesFor(regionCode: string | null): RuleT[] {
    const key = regionCode ?? '';
    let rules = this.byRegion.get(key);
    if (!rules) {
      rules = this.compute(regionCode);
      this.byRegion.set(key, rules);
    }
    return rules;
  }

  /**
   * The rules that apply in a region and whose sector and status conditions an enterprise of this
   * sector and status meets. Enterprises share a few thousand such profiles, so most of the rule
   * set is discarded once per profile instead of once per enterprise.
   */
  rulesForProfile(regionCode: string | null, sector: string, status: string): RuleT[] {
    const key = `${regionCode ?? ''}|${sector}|${status}`;
    let rules = this.byProfile.get(key);
    if (!rules) {
      rules = this.rulesFor(regionCode).filter(
        (r) =>
          (!r.when.statuses || r.when.statuses.includes(status as never)) &&
          !r.when.exclude_sectors?.some((p) => sector.startsWith(p)) &&
          (!r.when.sectors || r.when.sectors.some((p) => sector.startsWith(p))),
      );
      this.byProfile.set(key, rules);
    }
    return rules;
  }

  private compute(regionCode: string | null): RuleT[] {
    const inForce = this.ruleSet.rules.filter((r) => {
      const from = r.in_force?.from;
      const to = r.in_force?.to;
      return (!from || from <= this.asOf) && (!to || this.asOf <= to);
    });
    const applicable = inForce.filter((r) =>
      regionCode === null ? r.jurisdiction === NATIONAL_CODE : jurisdictionContains(r.jurisdiction, regionCode),
    );
    const overridden = new Set(applicable.flatMap((r) => r.overrides ?? []));
    return applicable.filter((r) => !overridden.has(r.id));
  }

  /**
   * Which enterprises need indicators, equipment or compliance results loaded at all: the sector
   * prefixes of the rules that read them (null = every enterprise, [] = none). Screening a million
   * plants is mostly loading data, so loading only what some rule can use is most of the speed.
   */
  needs(): Record<'indicators' | 'equipment' | 'compliance', string[] | null> {
    const collect = (uses: (r: RuleT) => boolean): string[] | null => {
      const users = this.ruleSet.rules.filter(uses);
      if (users.some((r) => !r.when.sectors)) return null;
      return [...new Set(users.flatMap((r) => r.when.sectors ?? []))].sort();
    };
    return {
      indicators: collect((r) => r.when.indicator !== undefined),
      equipment: collect((r) => r.when.equipment !== undefined),
      compliance: collect((r) => r.when.compliance !== undefined),
    };
  }

  /** How far from each zone kind screening must look: the widest band of any rule. */
  zoneBands(): Map<string, number> {
    return bandsByKind(this.ruleSet.rules.map((r) => r.when.zone).filter((z): z is ZoneConditionT => z !== undefined));
  }
}
