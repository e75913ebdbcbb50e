/** A yearly window such as the heating season (11-15 to 03-15, wrapping over the new year). */
import type { Outcome } from './outcome.ts';
import { NO, yes } from './outcome.ts';

export function inSeason(from: string, to: string, asOf: string): boolean {
  const md = asOf.slice(5);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/** The last outcome per condition: a run asks with one as-of date, for every plant the rule covers. */
const LAST = new WeakMap<object, { asOf: string; outcome: Outcome }>();

export function matchSeason(c: { from: string; to: string }, asOf: string): Outcome {
  const last = LAST.get(c);
  if (last?.asOf === asOf) return last.outcome;
  const outcome = inSeason(c.from, c.to, asOf)
    ? yes([{ kind: 'comparison', subject: 'date', value: asOf, operator: 'between', threshold: [c.from, c.to] }])
    : NO;
  LAST.set(c, { asOf, outcome });
  return outcome;
}
