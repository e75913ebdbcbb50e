/**
 * Colour and size of every enterprise as flat typed arrays for deck.gl, and the legend that says
 * what they mean. Both come from the same functions here, so the legend matches what is drawn.
 */
import { ACTIONS, type Action } from '../../../server/domain/actions.ts';
import type { IndicatorColumn } from '../../../server/domain/column-payload.ts';
import { SECTOR_GROUPS } from '../../../server/domain/sectors.ts';
import type { MapData } from '../data/map-data.ts';
import type { ColorBy } from '../state/app-state.ts';
import {
  ACTION_COLORS,
  DIVERGING_RAMP,
  NO_VALUE_COLOR,
  type RGB,
  rampColor,
  SECTOR_GROUP_COLORS,
  SEQUENTIAL_RAMP,
  UNFLAGGED_COLOR,
} from './palette.ts';

export type Legend =
  | { kind: 'categories'; of: 'action' | 'sector'; items: { id: string; color: RGB }[] }
  | { kind: 'ramp'; column: IndicatorColumn; ramp: RGB[]; domain: [number, number]; noValue: RGB };

/** Action byte → colour: 0 is unflagged, n is ACTIONS[n − 1]. */
export const ACTION_LUT: RGB[] = [UNFLAGGED_COLOR, ...ACTIONS.map((a) => ACTION_COLORS[a])];
const GROUP_LUT: RGB[] = SECTOR_GROUPS.map((g) => SECTOR_GROUP_COLORS[g]);

export const isChange = (c: IndicatorColumn) => c === 'energy_change' || c === 'water_change';

/**
 * The colour domain of an indicator: changes run symmetric around 0 (the 2020 targets are −18%
 * and −23%, so ±40% keeps them mid-ramp); intensities span the 5th to 95th percentile.
 */
export function indicatorDomain(column: IndicatorColumn, values: Float32Array): [number, number] {
  if (isChange(column)) return [-40, 40];
  const sample: number[] = [];
  const step = Math.max(1, Math.floor(values.length / 20_000));
  for (let i = 0; i < values.length; i += step) {
    const v = values[i] as number;
    if (Number.isFinite(v)) sample.push(v);
  }
  if (sample.length === 0) return [0, 1];
  sample.sort((a, b) => a - b);
  const lo = sample[Math.floor(sample.length * 0.05)] as number;
  const hi = sample[Math.floor(sample.length * 0.95)] as number;
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/**
 * The actions the rules in force can give, in ACTIONS order; every action while the rules are not
 * known yet. An action no rule produces (today: transform) would only ever count 0, so the filter
 * and the legend leave it out.
 */
export function producibleActions(rules: readonly { action: string }[] | null): Action[] {
  if (!rules || rules.length === 0) return [...ACTIONS];
  const given = new Set(rules.map((r) => r.action));
  return ACTIONS.filter((a) => given.has(a));
}

/** The legend for a colouring; null while the indicator columns it needs are loading. */
export function legendFor(colorBy: ColorBy, data: MapData | null, actions: readonly Action[] = ACTIONS): Legend | null {
  if (colorBy === 'action') {
    return {
      kind: 'categories',
      of: 'action',
      items: [...actions.map((a) => ({ id: a, color: ACTION_COLORS[a] })), { id: 'none', color: UNFLAGGED_COLOR }],
    };
  }
  if (colorBy === 'sector')
    return { kind: 'categories', of: 'sector', items: SECTOR_GROUPS.map((g) => ({ id: g, color: SECTOR_GROUP_COLORS[g] })) };
  if (!data?.indicators) return null;
  return {
    kind: 'ramp',
    column: colorBy,
    ramp: isChange(colorBy) ? DIVERGING_RAMP : SEQUENTIAL_RAMP,
    domain: indicatorDomain(colorBy, data.indicators.columns[colorBy]),
    noValue: NO_VALUE_COLOR,
  };
}

/** RGBA per enterprise; null while the columns the colouring needs are loading. */
export function enterpriseColors(data: MapData, legend: Legend): Uint8Array {
  const { points } = data;
  const n = points.count;
  const out = new Uint8Array(n * 4);
  const put = (i: number, c: RGB) => {
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 235;
  };
  if (legend.kind === 'categories') {
    const lut = legend.of === 'action' ? ACTION_LUT : GROUP_LUT;
    const col = legend.of === 'action' ? points.action : points.group;
    for (let i = 0; i < n; i++) put(i, lut[col[i] as number] ?? UNFLAGGED_COLOR);
    return out;
  }
  const values = (data.indicators as NonNullable<MapData['indicators']>).columns[legend.column];
  const [lo, hi] = legend.domain;
  // 64 precomputed steps are finer than the eye can tell apart on a dot.
  const steps = Array.from({ length: 64 }, (_, k) => rampColor(legend.ramp, k / 63));
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    put(i, Number.isFinite(v) ? (steps[Math.round(Math.min(1, Math.max(0, (v - lo) / (hi - lo))) * 63)] as RGB) : legend.noValue);
  }
  return out;
}

export const FIXED_RADIUS = 3.2;
export const RADIUS_RANGE: [number, number] = [2, 11];

/**
 * Radius in pixels by capacity. Units differ by sector (万吨, 万米, 吨 a year), so each plant is
 * scaled against the 95th percentile of its own sector group; area grows with capacity.
 */
export function capacityRadii(data: MapData): Float32Array | null {
  const { points, profile } = data;
  if (!profile) return null;
  const n = points.count;
  const capacity = profile.columns.capacity;
  const byGroup: number[][] = SECTOR_GROUPS.map(() => []);
  const step = Math.max(1, Math.floor(n / 50_000));
  for (let i = 0; i < n; i += step) {
    const c = capacity[i] as number;
    if (c > 0) byGroup[points.group[i] as number]?.push(c);
  }
  const p95 = byGroup.map((values) => {
    values.sort((a, b) => a - b);
    return values.length ? (values[Math.floor(values.length * 0.95)] as number) : 1;
  });
  const [rMin, rMax] = RADIUS_RANGE;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const c = capacity[i] as number;
    const ref = p95[points.group[i] as number] ?? 1;
    out[i] = c > 0 ? rMin + (rMax - rMin) * Math.min(1, Math.sqrt(c / ref)) : rMin;
  }
  return out;
}
