/**
 * Classes for the region choropleth: fixed breaks that mean something to a planner (the −18% and
 * −23% targets, the +6% growth target) rather than quantiles that move with every filter. The
 * MapLibre expression and the legend are built from the same classes.
 */
import type { ChoroplethIndicator } from '../state/app-state.ts';
import { DIVERGING_RAMP, hex, type RGB } from './palette.ts';

export interface ChoroplethClass {
  /** Lower bound, inclusive; the first class is open below. */
  from: number | null;
  to: number | null;
  color: RGB;
}

const R = DIVERGING_RAMP;

export const CHOROPLETH_CLASSES: Record<ChoroplethIndicator, ChoroplethClass[]> = {
  energy_change: [
    { from: null, to: -18, color: R[0] as RGB },
    { from: -18, to: -10, color: R[1] as RGB },
    { from: -10, to: 0, color: R[2] as RGB },
    { from: 0, to: 10, color: R[3] as RGB },
    { from: 10, to: null, color: R[4] as RGB },
  ],
  water_change: [
    { from: null, to: -23, color: R[0] as RGB },
    { from: -23, to: -10, color: R[1] as RGB },
    { from: -10, to: 0, color: R[2] as RGB },
    { from: 0, to: 10, color: R[3] as RGB },
    { from: 10, to: null, color: R[4] as RGB },
  ],
  added_value_growth: [
    { from: null, to: 0, color: R[4] as RGB },
    { from: 0, to: 3, color: R[3] as RGB },
    { from: 3, to: 6, color: R[2] as RGB },
    { from: 6, to: 10, color: R[1] as RGB },
    { from: 10, to: null, color: R[0] as RGB },
  ],
  flagged_share: [
    { from: null, to: 5, color: R[0] as RGB },
    { from: 5, to: 10, color: R[1] as RGB },
    { from: 10, to: 20, color: R[2] as RGB },
    { from: 20, to: 40, color: R[3] as RGB },
    { from: 40, to: null, color: R[4] as RGB },
  ],
};

export function classOf(indicator: ChoroplethIndicator, value: number): ChoroplethClass {
  const classes = CHOROPLETH_CLASSES[indicator];
  return (
    classes.find((c) => (c.from === null || value >= c.from) && (c.to === null || value < c.to)) ??
    (classes[classes.length - 1] as ChoroplethClass)
  );
}

/** A MapLibre fill-color expression by prefecture code; regions without a value stay clear. */
export function choroplethExpression(indicator: ChoroplethIndicator, values: Map<string, number>): unknown[] | null {
  const pairs: string[] = [];
  for (const [code, v] of values) if (Number.isFinite(v)) pairs.push(code, hex(classOf(indicator, v).color));
  if (pairs.length === 0) return null;
  return ['match', ['get', 'code'], ...pairs, 'rgba(0,0,0,0)'];
}
