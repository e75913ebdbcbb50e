import { describe, expect, it } from 'vitest';
import { ACTION_COLORS, hex } from '../../../server/domain/palette.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { actionsSpec, DASHBOARD_CHARTS, progressSpecs, TARGET_COLOR } from './chart-specs.ts';
import type { ActionYears, Progress } from './use-region-dashboard.ts';

const year = (y: number, over: Partial<Progress['years'][number]> = {}): Progress['years'][number] => ({
  year: y,
  energy_intensity: 1,
  water_intensity: 2,
  energy_change: 0,
  water_change: 0,
  added_value: 100,
  added_value_growth: null,
  steel_capacity_mt: 180,
  ...over,
});

/** Hebei-like: every target and the cap apply. */
const hebei: Progress = {
  region: '130000',
  name: '河北省',
  name_en: 'Hebei',
  baseline_year: 2015,
  years: [year(2015), year(2016, { energy_change: -7.25, water_change: null, added_value_growth: 5.5, steel_capacity_mt: 190.44 })],
  energy: {
    target: { indicator: 'energy_intensity', jurisdiction: '000000', change_percent: -18, by: 2020, source: 's' },
    year: 2016,
    change: -7.25,
    met: false,
  },
  water: {
    target: { indicator: 'water_intensity', jurisdiction: '000000', change_percent: -23, by: 2020, source: 's' },
    year: 2015,
    change: 0,
    met: false,
  },
  growth: {
    target: { indicator: 'added_value', jurisdiction: '130000', change_percent: 6, year: 2019, source: 's' },
    actual: null,
    met: null,
  },
  steel: {
    cap: { region: '130000', cap_mt: 200, by: 2020, sector_prefixes: ['C312'], source: 's' },
    year: 2016,
    capacity_mt: 190.44,
    over: false,
  },
};

describe('progressSpecs', () => {
  it('keeps every target and the cap as a labelled line, in the target colour', () => {
    const refs = progressSpecs(hebei, MESSAGES.en, 'en').map((s) => [s.name, s.references.map((r) => [r.label, r.value, r.color])]);
    expect(refs).toEqual([
      ['energy-intensity', [['Target by 2020: -18%', -18, TARGET_COLOR]]],
      ['water-intensity', [['Target by 2020: -23%', -23, TARGET_COLOR]]],
      ['added-value', [['Target by 2019: +6%', 6, TARGET_COLOR]]],
      ['steel', [['Cap by 2020: 200 Mt', 200, TARGET_COLOR]]],
    ]);
  });

  it('a region without targets or a cap: no lines', () => {
    const plain = { ...hebei, energy: null, water: null, growth: null, steel: null };
    expect(progressSpecs(plain, MESSAGES.zh, 'zh').flatMap((s) => s.references)).toEqual([]);
  });

  it('values carry their unit; a missing year is null, not zero', () => {
    const [energy, water, , steel] = progressSpecs(hebei, MESSAGES.zh, 'zh');
    expect(energy?.value(-7.25)).toBe('-7.3%');
    expect(water?.series[0]?.values).toEqual([0, null]);
    expect(steel?.value(190.44)).toBe('190.4 百万吨/年');
    expect(energy?.axisName).toBe('较2015年变化（%）');
  });

  it('names its charts as DASHBOARD_CHARTS does', () => {
    expect(progressSpecs(hebei, MESSAGES.en, 'en').map((s) => s.name)).toEqual(DASHBOARD_CHARTS.slice(0, 4));
  });
});

describe('actionsSpec', () => {
  const years: ActionYears = [
    { year: 2016, as_of: '2016-12-31', flagged: 3, counts: { close: 2, green: 1 } },
    { year: 2017, as_of: '2017-12-31', flagged: 1, counts: { close: 1 } },
  ];

  it("one line per action flagged in some year, in the map's action colour, zero where none", () => {
    const spec = actionsSpec(years, MESSAGES.zh, 'zh');
    expect(spec?.series.map((s) => [s.label, s.color, s.values])).toEqual([
      ['关停', hex(ACTION_COLORS.close), [2, 1]],
      ['绿色制造', hex(ACTION_COLORS.green), [1, 0]],
    ]);
    expect(spec?.endLabels).toBe(true);
    expect(spec?.integer).toBe(true);
  });

  it('zero enterprises flagged: null, for the empty sentence', () => {
    expect(actionsSpec([{ year: 2016, as_of: '2016-12-31', flagged: 0, counts: {} }], MESSAGES.en, 'en')).toBeNull();
    expect(actionsSpec([], MESSAGES.en, 'en')).toBeNull();
  });
});
