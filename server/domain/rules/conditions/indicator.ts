/**
 * An indicator metric against a threshold — fixed, or changing over time (the last threshold in
 * force on the as-of date applies) — with an optional ladder: the surcharge tier for each step
 * above the threshold, as ladder electricity prices are set.
 */
import type { ComparisonEvidence } from '../../flag.ts';
import type { EnterpriseFacts } from '../../screening/facts.ts';
import { METRIC_UNITS } from '../metrics.ts';
import type { IndicatorConditionT } from '../rule-schema.ts';
import { NO, type Outcome, unknown, yes } from './outcome.ts';

export function thresholdOn(c: IndicatorConditionT, asOf: string): number | null {
  if (c.value !== undefined) return c.value;
  let current: number | null = null;
  for (const t of sortedThresholds(c)) if (t.from <= asOf) current = t.value;
  return current;
}

/** Thresholds by date, sorted once per condition rather than once per enterprise. */
const SORTED = new WeakMap<IndicatorConditionT, NonNullable<IndicatorConditionT['thresholds']>>();

function sortedThresholds(c: IndicatorConditionT): NonNullable<IndicatorConditionT['thresholds']> {
  let sorted = SORTED.get(c);
  if (!sorted) {
    sorted = [...(c.thresholds ?? [])].sort((a, b) => a.from.localeCompare(b.from));
    SORTED.set(c, sorted);
  }
  return sorted;
}

const compare = (a: number, op: IndicatorConditionT['op'], b: number) =>
  op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;

export function matchIndicator(c: IndicatorConditionT, facts: EnterpriseFacts, asOf: string): Outcome {
  const threshold = thresholdOn(c, asOf);
  if (threshold === null) return NO;
  const value = facts.metrics.values[c.metric];
  if (value === null) return unknown(`${c.metric}: ${facts.metrics.missing[c.metric] ?? 'not available'}`);
  if (!compare(value, c.op, threshold)) return NO;
  const evidence: ComparisonEvidence = {
    kind: 'comparison',
    subject: c.metric,
    value: round(value),
    operator: c.op,
    threshold,
    unit: METRIC_UNITS[c.metric],
    ...(facts.metrics.year !== null ? { year: facts.metrics.year } : {}),
  };
  if (!c.ladder) return yes([evidence]);
  const steps = Math.ceil(Math.abs(value - threshold) / c.ladder.step);
  return yes([
    evidence,
    {
      kind: 'comparison',
      subject: 'ladder_surcharge',
      value: round(steps * c.ladder.price),
      operator: '=',
      threshold: steps,
      unit: c.ladder.unit,
    },
  ]);
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
