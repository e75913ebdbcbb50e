import { describe, expect, it } from 'vitest';
import { actionCode } from '../../../server/domain/actions.ts';
import { allocateColumns, INDICATOR_SCHEMA, PROFILE_SCHEMA } from '../../../server/domain/column-payload.ts';
import { compileFilter, EMPTY_FILTER, type FilterState } from '../../../server/domain/map-filter.ts';
import { allocatePoints, zoneBit } from '../../../server/domain/point-payload.ts';
import { sectorByte } from '../../../server/domain/sector-index.ts';
import type { MapData } from '../data/map-data.ts';
import { runFilter } from './filter-pass.ts';

const PREFECTURES = ['130200', '150200', '150300'];

/** Four enterprises: steel in Tangshan (relocate, built-up), aluminium in Baotou, coke in Wuhai, an unflagged one. */
function sample(): MapData {
  const { columns: points } = allocatePoints(4);
  const rows = [
    { action: actionCode('relocate'), region: 1, status: 3, zones: zoneBit('built_up'), sector: 'C3120' },
    { action: actionCode('close'), region: 2, status: 3, zones: 0, sector: 'C3216' },
    { action: actionCode('withdraw'), region: 3, status: 4, zones: zoneBit('nature_reserve') | zoneBit('key_region'), sector: 'C2521' },
    { action: 0, region: 2, status: 3, zones: 0, sector: 'C3110' },
  ];
  const profile = allocateColumns(PROFILE_SCHEMA, 4, 1, 0).set;
  const indicators = allocateColumns(INDICATOR_SCHEMA, 4, 1, 2019).set;
  rows.forEach((r, i) => {
    points.key[i] = i + 1;
    points.action[i] = r.action;
    points.region[i] = r.region;
    points.packed[i] = r.status | r.zones;
    profile.columns.sector[i] = sectorByte(r.sector);
    profile.columns.capacity[i] = 100 * (i + 1);
  });
  indicators.columns.energy_change.set([-25, -10, Number.NaN, -18]);
  const mask = new Uint32Array([0b01, 0b10, 0b10, 0]);
  return {
    points,
    profile,
    indicators,
    rules: {
      words: 1,
      mask,
      rules: ['P2', 'P7'].map((id) => ({ rule_id: id, title_zh: id, title_en: id, policy: id, action: 'close', enterprises: 0 })),
    },
  };
}

const ctx = { prefectureOrder: PREFECTURES, ruleIds: ['P2', 'P7'] };
const run = (f: Partial<FilterState>) => {
  const result = runFilter(sample(), compileFilter({ ...EMPTY_FILTER, ...f }, ctx));
  if (!result) throw new Error('filter could not run');
  return result;
};

describe('filter pass', () => {
  it('no filter: everything drawn and counted', () => {
    const { visible, counts } = run({});
    expect([...visible]).toEqual([1, 1, 1, 1]);
    expect(counts.visible).toBe(4);
    expect(counts.action[0]).toBe(1);
    expect(counts.region[2]).toBe(2);
  });

  it('action filter, with "none" for unflagged plants', () => {
    expect([...run({ actions: ['relocate', 'none'] }).visible]).toEqual([1, 0, 0, 1]);
  });

  it('facet counts ignore their own facet and respect the others', () => {
    const { counts, visible } = run({ actions: ['close'], regions: ['150000'] });
    expect([...visible]).toEqual([0, 1, 0, 0]);
    // Within Inner Mongolia, each action's count is what choosing it would give.
    expect(counts.action[actionCode('withdraw')]).toBe(1);
    expect(counts.action[0]).toBe(1);
    expect(counts.action[actionCode('relocate')]).toBe(0);
    // Among "close" plants, each region's count.
    expect(counts.region[1]).toBe(0);
    expect(counts.region[2]).toBe(1);
  });

  it('a province covers its prefectures', () => {
    expect([...run({ regions: ['150000'] }).visible]).toEqual([0, 1, 1, 1]);
    expect([...run({ regions: ['150300'] }).visible]).toEqual([0, 0, 1, 0]);
  });

  it('sector tree node covers the codes below it', () => {
    expect([...run({ sectors: ['C31'] }).visible]).toEqual([1, 0, 0, 1]);
    expect([...run({ sectors: ['C3120', 'C32'] }).visible]).toEqual([1, 1, 0, 0]);
  });

  it('zone kinds: inside any chosen kind', () => {
    expect([...run({ zones: ['key_region'] }).visible]).toEqual([0, 0, 1, 0]);
    const { counts } = run({ zones: ['built_up'] });
    expect(counts.zone[0]).toBe(1);
  });

  it('status and rules', () => {
    expect([...run({ statuses: ['mothballed'] }).visible]).toEqual([0, 0, 1, 0]);
    expect([...run({ rules: ['P7'] }).visible]).toEqual([0, 1, 1, 0]);
    expect(run({ rules: ['P7'] }).counts.rule[0]).toBe(1);
  });

  it('indicator range: bounds inclusive, NaN never inside', () => {
    expect([...run({ ranges: { energy_change: [null, -18] } }).visible]).toEqual([1, 0, 0, 1]);
    expect([...run({ ranges: { energy_change: [-100, 100] } }).visible]).toEqual([1, 1, 0, 1]);
  });

  it('indicator range with min above max: not applied (the field says why) rather than hiding everything', () => {
    expect([...run({ ranges: { energy_change: [5, -5] } }).visible]).toEqual([1, 1, 1, 1]);
  });

  it('waits for a column set it needs', () => {
    const data = { ...sample(), profile: null };
    expect(runFilter(data, compileFilter({ ...EMPTY_FILTER, sectors: ['C31'] }, ctx))).toBeNull();
  });

  it('zero enterprises', () => {
    const { columns } = allocatePoints(0);
    const result = runFilter({ points: columns, profile: null, indicators: null, rules: null }, compileFilter(EMPTY_FILTER, ctx));
    expect(result?.counts.visible).toBe(0);
  });
});
