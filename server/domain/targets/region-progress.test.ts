import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../targets/load-targets.ts';
import { applicable, regionProgress, type YearTotals } from './region-progress.ts';

const targets = parseTargets(readFileSync('data/targets/targets.json', 'utf8'));

const year = (y: number, energy: number, water: number, av: number, steel = 0): YearTotals => ({
  year: y,
  energy_tce: energy,
  energy_added_value: av,
  water_m3: water,
  water_added_value: av,
  added_value: av,
  steel_capacity_t: steel,
});

describe('region progress against the 2020 targets', () => {
  it('intensity change against 2015 and the −18% / −23% targets', () => {
    // 2015: 1.0 tce and 10 m³ per 10k CNY; 2020: 0.8 (−20%, met) and 8.5 (−15%, not met).
    const p = regionProgress('130200', [year(2015, 100, 1000, 100), year(2020, 96, 1020, 120)], targets);
    expect(p.years[1]?.energy_change).toBeCloseTo(-20, 6);
    expect(p.energy?.change).toBeCloseTo(-20, 6);
    expect(p.energy?.met).toBe(true);
    expect(p.energy?.target.change_percent).toBe(-18);
    expect(p.water?.change).toBeCloseTo(-15, 6);
    expect(p.water?.met).toBe(false);
  });

  it('uses the latest year up to the target year, not later ones', () => {
    const p = regionProgress('130200', [year(2015, 100, 1000, 100), year(2019, 80, 700, 100), year(2023, 200, 700, 100)], targets);
    expect(p.energy?.year).toBe(2019);
  });

  it('no 2015 baseline: changes unknown, target neither met nor missed', () => {
    const p = regionProgress('130200', [year(2018, 100, 1000, 100), year(2020, 80, 800, 100)], targets);
    expect(p.years.every((y) => y.energy_change === null)).toBe(true);
    expect(p.energy?.met).toBeNull();
  });

  it('a year with zero added value has no intensity', () => {
    const p = regionProgress('130200', [year(2015, 100, 1000, 100), year(2016, 100, 1000, 0)], targets);
    expect(p.years[1]?.energy_intensity).toBeNull();
  });

  it('added value growth against the year before, and the +6% target where it applies (Inner Mongolia)', () => {
    const p = regionProgress('150200', [year(2018, 1, 1, 100), year(2019, 1, 1, 105)], targets);
    expect(p.growth?.actual).toBeCloseTo(5, 6);
    expect(p.growth?.met).toBe(false);
    expect(regionProgress('130200', [year(2019, 1, 1, 100)], targets).growth).toBeNull();
  });

  it('steel capacity against the Hebei cap of 200 Mt by 2020', () => {
    const p = regionProgress('130000', [year(2019, 1, 1, 1, 180e6), year(2020, 1, 1, 1, 210e6)], targets);
    expect(p.steel?.capacity_mt).toBe(210);
    expect(p.steel?.over).toBe(true);
    expect(regionProgress('150000', [year(2020, 1, 1, 1, 5e4)], targets).steel).toBeNull();
  });

  it('a stricter local target overrides the national one', () => {
    const local = { ...targets.intensity[0], jurisdiction: '130000', change_percent: -22 } as (typeof targets.intensity)[number];
    expect(applicable([...targets.intensity, local], '130200')?.change_percent).toBe(-22);
    expect(applicable([...targets.intensity, local], '150200')?.change_percent).toBe(-18);
  });

  it('zero years of data', () => {
    const p = regionProgress('130000', [], targets);
    expect(p.years).toEqual([]);
    expect(p.energy?.change).toBeNull();
    expect(p.steel?.capacity_mt).toBeNull();
  });
});

describe('targets file', () => {
  it('names the field and the value that is wrong', () => {
    expect(() => parseTargets('{"baseline_year": "2015", "intensity": [], "growth": [], "steel_caps": []}', 'targets.json')).toThrow(
      /targets\.json: baseline_year: .*\(got "2015"\)/,
    );
  });
});
