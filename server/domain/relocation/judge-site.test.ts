/**
 * The relocation verdict on hand-made plants and sites, with the shipped default rule set: what
 * clears, what still breaks, what is new, and the park's own limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet } from '../rules/parse-rule-set.ts';
import type { EnterpriseFacts, ZoneHit } from '../screening/facts.ts';
import { RulePlan } from '../screening/rule-plan.ts';
import { screenEnterprise } from '../screening/screen-enterprise.ts';
import { facts } from '../screening/test-facts.ts';
import { type JudgedSite, judgeSite, movedFacts, sectorFit } from './judge-site.ts';

const RULES = parseRuleSet(readFileSync(new URL('../../../data/rules/default.json', import.meta.url), 'utf8'), 'default.json');
const plan = new RulePlan(RULES, '2024-06-30');

const zone = (kind: ZoneHit['zone_kind'], zone_type: ZoneHit['zone_type'] = null, distance_m = 0, id = `${kind}-1`): ZoneHit => ({
  zone_id: id,
  zone_name: `${kind} ${zone_type ?? ''}`.trim(),
  zone_kind: kind,
  zone_type,
  distance_m,
});

const park = (overrides: Partial<JudgedSite> = {}): JudgedSite => ({
  source: 'park',
  park_id: 'IP-test',
  name: '测试园区',
  name_en: 'Test park',
  lon: 109.6,
  lat: 40.64,
  region_code: '150200',
  sectors: ['C31', 'C32'],
  land_free_ha: 500,
  ...overrides,
});

/** A Baotou steel plant in the built-up area: P2 makes it relocate. */
const steelInTown = (overrides: Partial<EnterpriseFacts> = {}) =>
  facts({ sector: 'C3120', zones: [zone('built_up', null, 0, 'BU-150200')], ...overrides });

const judge = (origin: EnterpriseFacts, site: JudgedSite, hits: ZoneHit[]) =>
  judgeSite(origin, screenEnterprise(origin, plan).flags, site, hits, plan);

const kinds = (j: ReturnType<typeof judge>) => j.reasons.map((r) => `${r.kind}:${r.rule_id ?? ''}`).sort();

describe('judgeSite', () => {
  it('a steel plant leaving a built-up area for a metals park with room qualifies, and says what it clears', () => {
    const j = judge(steelInTown(), park(), [zone('industrial_park', null, 0, 'IP-test')]);
    expect(j.qualifies).toBe(true);
    expect(j.sector_fit).toBe('listed');
    expect(kinds(j)).toEqual(['clears:P2-built-up-polluting']);
  });

  it('a site inside a built-up area never qualifies: the rule that made it move still breaks, naming the zone', () => {
    const j = judge(steelInTown(), park({ park_id: null, source: 'point', sectors: null, land_free_ha: null }), [
      zone('built_up', null, 0, 'BU-150300'),
    ]);
    expect(j.qualifies).toBe(false);
    expect(j.reasons).toContainEqual(
      expect.objectContaining({ kind: 'still_breaks', rule_id: 'P2-built-up-polluting', zone_id: 'BU-150300' }),
    );
  });

  it.each([
    ['core', 'P1-reserve-core-buffer'],
    ['buffer', 'P1-reserve-core-buffer'],
    ['experimental', 'P1-reserve-experimental-polluting'],
    ['unzoned', 'P1-reserve-unzoned'],
  ] as const)('a site inside a reserve (%s zone) never qualifies for a steel plant: new flag %s', (type, rule) => {
    const j = judge(steelInTown(), park(), [zone('industrial_park'), zone('nature_reserve', type, 0, `NR-${type}`)]);
    expect(j.qualifies).toBe(false);
    expect(j.reasons).toContainEqual(expect.objectContaining({ kind: 'new_flag', rule_id: rule, zone_id: `NR-${type}` }));
  });

  it('a site within 1 km of a reserve in Inner Mongolia raises the stricter local rule as a new flag', () => {
    const j = judge(steelInTown(), park(), [zone('nature_reserve', 'experimental', 600, 'NR-near')]);
    expect(kinds(j)).toContain('new_flag:IM-P1-reserve-1km');
    expect(j.qualifies).toBe(false);
  });

  it("the destination's own rules apply: Hebei's wider built-up rule follows a cement plant into a Hebei town", () => {
    const cement = facts({ sector: 'C3011', region_code: '150200', zones: [zone('nature_reserve', 'core', 0, 'NR-x')] });
    const j = judge(cement, park({ region_code: '130400', sectors: [] }), [zone('built_up', null, 0, 'BU-130400'), zone('key_region')]);
    expect(kinds(j)).toEqual(expect.arrayContaining(['clears:P1-reserve-core-buffer', 'new_flag:HB-P2-built-up-wider']));
    expect(j.qualifies).toBe(false);
  });

  it('a non-moving flag present at origin and at the site (P3 failed standard) does not disqualify', () => {
    const failed = { standard: 'environment' as const, passed: false, assessed_on: '2024-03-01', rectify_by: '2024-12-01', note: null };
    const origin = steelInTown({ compliance: [failed] });
    expect(screenEnterprise(origin, plan).flags.map((f) => f.rule_id)).toContain('P3-standard-failed');
    const j = judge(origin, park(), [zone('industrial_park')]);
    expect(j.qualifies).toBe(true);
    expect(j.flags.map((f) => f.rule_id)).toContain('P3-standard-failed');
    expect(kinds(j)).toEqual(['clears:P2-built-up-polluting']);
  });

  it('a full park (no land free) does not qualify: no_room', () => {
    const j = judge(steelInTown(), park({ land_free_ha: 0 }), [zone('industrial_park')]);
    expect(j.qualifies).toBe(false);
    expect(kinds(j)).toContain('no_room:');
  });

  it('a park that lists other sectors does not qualify: sector_not_allowed; one listing none is open', () => {
    expect(kinds(judge(steelInTown(), park({ sectors: ['C26'] }), []))).toContain('sector_not_allowed:');
    const open = judge(steelInTown(), park({ sectors: [] }), []);
    expect(open.sector_fit).toBe('open');
    expect(open.qualifies).toBe(true);
  });

  it('a park of unknown land (null) is not taken for full', () => {
    expect(judge(steelInTown(), park({ land_free_ha: null }), []).qualifies).toBe(true);
  });

  it('a plant moved to a park is in a park; a chosen point is only if a park contains it', () => {
    const origin = steelInTown({ in_park: false });
    expect(movedFacts(origin, park(), []).in_park).toBe(true);
    const point = park({ source: 'point', park_id: null });
    expect(movedFacts(origin, point, []).in_park).toBe(false);
    expect(movedFacts(origin, point, [zone('industrial_park')]).in_park).toBe(true);
    expect(movedFacts(origin, point, [zone('industrial_park', null, 300)]).in_park).toBe(false);
  });

  it('keeps every attribute of the plant and takes the prefecture of the site', () => {
    const origin = steelInTown({ status: 'mothballed', commissioned_year: 1999, above_scale: false });
    const moved = movedFacts(origin, park({ region_code: '150600' }), [zone('industrial_park')]);
    expect(moved).toMatchObject({
      status: 'mothballed',
      commissioned_year: 1999,
      above_scale: false,
      sector: 'C3120',
      region_code: '150600',
    });
    expect(moved.zones).toEqual([zone('industrial_park')]);
  });

  it('a scattered-and-dirty plant moved into a park clears P7 relocation, and P7 upgrade there is its next step, not a new flag', () => {
    const origin = facts({ sector: 'C1310', scattered_dirty: true, in_park: false });
    const j = judge(origin, park({ sectors: [] }), [zone('industrial_park')]);
    expect(kinds(j)).toEqual(['clears:P7-scattered-dirty-outside-park', 'next_step:P7-scattered-dirty-in-park']);
    expect(j.qualifies).toBe(true);
  });

  it('a scattered-and-dirty plant moved into a park inside a reserve still meets the reserve as a new flag', () => {
    const origin = facts({ sector: 'C1310', scattered_dirty: true, in_park: false });
    const j = judge(origin, park({ sectors: [] }), [zone('industrial_park'), zone('nature_reserve', 'core')]);
    expect(kinds(j)).toEqual(expect.arrayContaining(['next_step:P7-scattered-dirty-in-park']));
    expect(kinds(j).some((k) => k.startsWith('new_flag:P1'))).toBe(true);
    expect(j.qualifies).toBe(false);
  });
});

describe('sectorFit', () => {
  it('matches by GB/T 4754 prefix', () => {
    expect(sectorFit('C3120', ['C31'])).toBe('listed');
    expect(sectorFit('C3216', ['C31'])).toBe('not_listed');
    expect(sectorFit('C3216', null)).toBe('open');
    expect(sectorFit('C3216', [])).toBe('open');
  });
});
