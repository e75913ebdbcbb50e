/**
 * The region dashboard's charts as ChartSpecs, from what its two requests answer: energy and water
 * intensity against the baseline with their targets, added value growth with its target, steel
 * capacity with its cap, and enterprises by action year by year in the map's action colours. Pure,
 * so the dashboard on screen and a PDF page of it (drawChartSvg) draw the same charts.
 */
import { ACTION_NAMES, ACTIONS } from '../../../server/domain/actions.ts';
import type { ChartReference, ChartSpec } from '../charts/chart-spec.ts';
import type { Lang, Messages } from '../i18n/messages.ts';
import { ACTION_COLORS, hex, SECTOR_GROUP_COLORS } from '../map/palette.ts';
import type { ActionYears, Progress } from './use-region-dashboard.ts';

/** Targets and caps: one red for every line a region should stay on the right side of. */
export const TARGET_COLOR = '#b2182b';
const INTENSITY_COLOR = '#1b7a4a';
const GROWTH_COLOR = '#2166ac';

/** The names the dashboard's charts go by (file names, test ids, chartSvg). */
export const DASHBOARD_CHARTS = ['energy-intensity', 'water-intensity', 'added-value', 'steel', 'actions'] as const;
export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

const PROGRESS_HEIGHT = 220;
/** Taller: up to eleven actions are named at their line ends. */
const ACTIONS_HEIGHT = 300;

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');
const signedPercent = (v: number) => `${v > 0 ? '+' : ''}${v.toFixed(1)}%`;
const percentTick = (v: number) => `${v}%`;

/** Energy, water, added value growth and steel, in that order. */
export function progressSpecs(p: Progress, t: Messages, lang: Lang): ChartSpec[] {
  const years = p.years.map((y) => y.year);
  const target = (pct: number, year: number): ChartReference[] => [{ label: t.targetLine(pct, year), value: pct, color: TARGET_COLOR }];
  const intensity = (k: 'energy' | 'water'): ChartSpec => {
    const name = k === 'energy' ? t.energyIntensity : t.waterIntensity;
    const goal = p[k]?.target;
    return {
      name: `${k}-intensity`,
      title: `${name} ${t.vsBaselineLabel}`,
      axisName: t.axisChangeVsBaseline(p.baseline_year),
      years,
      series: [{ label: name, color: INTENSITY_COLOR, values: p.years.map((y) => y[`${k}_change`]) }],
      references: goal ? target(goal.change_percent, goal.by) : [],
      tick: percentTick,
      value: signedPercent,
      endLabels: false,
      height: PROGRESS_HEIGHT,
    };
  };
  const mt = (v: number, digits: number) => v.toLocaleString(locale(lang), { maximumFractionDigits: digits });
  return [
    intensity('energy'),
    intensity('water'),
    {
      name: 'added-value',
      title: `${t.addedValueGrowth} ${t.growthVsPrevious}`,
      axisName: t.axisGrowthVsPrevious,
      years,
      series: [{ label: t.addedValueGrowth, color: GROWTH_COLOR, values: p.years.map((y) => y.added_value_growth) }],
      references: p.growth ? target(p.growth.target.change_percent, p.growth.target.year) : [],
      tick: percentTick,
      value: signedPercent,
      endLabels: false,
      height: PROGRESS_HEIGHT,
    },
    {
      name: 'steel',
      title: t.steelCapacity,
      axisName: t.axisSteelCapacity,
      years,
      series: [{ label: t.steelCapacity, color: hex(SECTOR_GROUP_COLORS.steel), values: p.years.map((y) => y.steel_capacity_mt) }],
      references: p.steel ? [{ label: t.capLine(p.steel.cap.cap_mt, p.steel.cap.by), value: p.steel.cap.cap_mt, color: TARGET_COLOR }] : [],
      tick: (v) => mt(v, 0),
      value: (v) => `${mt(v, 1)} ${t.unitMtPerYear}`,
      endLabels: false,
      height: PROGRESS_HEIGHT,
    },
  ];
}

/** Enterprises by action at each year end, one line per action flagged in some year; null when none is. */
export function actionsSpec(years: ActionYears, t: Messages, lang: Lang): ChartSpec | null {
  const series = ACTIONS.map((a) => ({
    label: lang === 'en' ? ACTION_NAMES[a].en : ACTION_NAMES[a].zh,
    color: hex(ACTION_COLORS[a]),
    values: years.map((y) => y.counts[a] ?? 0),
  })).filter((s) => s.values.some((v) => v > 0));
  if (series.length === 0) return null;
  return {
    name: 'actions',
    title: t.actionsOverTime,
    axisName: t.axisEnterprises,
    years: years.map((y) => y.year),
    series,
    references: [],
    tick: (v) => v.toLocaleString(locale(lang)),
    value: (v) => v.toLocaleString(locale(lang)),
    integer: true,
    endLabels: true,
    height: ACTIONS_HEIGHT,
  };
}
