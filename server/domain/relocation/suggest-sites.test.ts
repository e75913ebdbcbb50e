import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import type { ZoneHit } from '../screening/facts.ts';
import { RulePlan } from '../screening/rule-plan.ts';
import { screenEnterprise } from '../screening/screen-enterprise.ts';
import { facts } from '../screening/test-facts.ts';
import type { JudgedSite } from './judge-site.ts';
import type { SiteVerdict } from './site.ts';
import { compareVerdicts, type Origin, rankVerdicts, suggestSites } from './suggest-sites.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');
const plan = new RulePlan(RULES, '2024-06-30');
const builtUp: ZoneHit = { zone_id: 'BU-150200', zone_name: '包头市城市建成区', zone_kind: 'built_up', zone_type: null, distance_m: 0 };

function origin(): Origin {
  const f = facts({ sector: 'C3120', region_code: '150200', zones: [builtUp] });
  return { facts: f, flags: screenEnterprise(f, plan).flags, lon: 109.84, lat: 40.66 };
}

const site = (id: string, lon: number, lat: number, region: string, sectors: string[], land: number | null = 100): JudgedSite => ({
  source: 'park',
  park_id: id,
  name: id,
  name_en: id,
  lon,
  lat,
  region_code: region,
  sectors,
  land_free_ha: land,
});

describe('suggestSites', () => {
  const candidates = [
    { site: site('far-listed-same-city', 110.3, 40.6, '150200', ['C31']), hits: [] },
    { site: site('near-open-same-city', 109.7, 40.6, '150200', []), hits: [] },
    { site: site('near-listed-same-city', 109.6, 40.64, '150200', ['C31']), hits: [] },
    { site: site('near-listed-other-city', 109.98, 40.3, '150600', ['C31']), hits: [] },
    { site: site('hebei-listed', 114.2, 36.7, '130400', ['C31']), hits: [] },
    { site: site('in-town', 109.85, 40.65, '150200', ['C31']), hits: [builtUp] },
    { site: site('full', 109.8, 40.55, '150200', ['C31'], 0), hits: [] },
  ];

  it('ranks same prefecture, then province, then listed before open, then distance; the rest after, nearest first', () => {
    const s = suggestSites('E1', origin(), candidates, plan);
    expect(s.moving_rules.map((r) => r.rule_id)).toEqual(['P2-built-up-polluting']);
    expect(s.sites.map((v) => [v.site.park_id, v.rank])).toEqual([
      ['near-listed-same-city', 1],
      ['far-listed-same-city', 2],
      ['near-open-same-city', 3],
      ['near-listed-other-city', 4],
      ['hebei-listed', 5],
      ['in-town', null],
      ['full', null],
    ]);
    expect(s.sites[4]).toMatchObject({ same_prefecture: false, same_province: false });
    expect(s.sites[0]?.distance_km).toBeGreaterThan(19);
  });

  it('withinKm drops sites farther away; limit cuts the qualifying list only', () => {
    const s = suggestSites('E1', origin(), candidates, plan, { withinKm: 50, limit: 2 });
    expect(s.sites.map((v) => v.site.park_id)).toEqual(['near-listed-same-city', 'far-listed-same-city', 'in-town', 'full']);
  });

  it('zero candidates: an empty list, still naming the rules that make it move', () => {
    const s = suggestSites('E1', origin(), [], plan);
    expect(s.sites).toEqual([]);
    expect(s.moving_rules).toHaveLength(1);
  });

  it('equal in all else, more land free ranks first', () => {
    const v = (land: number | null): SiteVerdict => ({
      site: { source: 'park', park_id: String(land), name: null, name_en: null, lon: 0, lat: 0, region_code: null },
      qualifies: true,
      rank: null,
      distance_km: 10,
      same_prefecture: true,
      same_province: true,
      sector_fit: 'listed',
      land_free_ha: land,
      reasons: [],
    });
    expect(rankVerdicts([v(null), v(5), v(50)]).map((x) => x.land_free_ha)).toEqual([50, 5, null]);
    expect(compareVerdicts(v(5), v(5))).toBe(0);
  });
});
