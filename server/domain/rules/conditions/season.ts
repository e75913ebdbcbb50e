/** A yearly window such as the heating season (11-15 to 03-15, wrapping over the new year). */
import type { Outcome } from './outcome.ts';
import { NO, yes } from './outcome.ts';
import { OutcomeMemo } from './outcome-memo.ts';

export function inSeason(from: string, to: string, asOf: string): boolean {
  const md = asOf.slice(5);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

/** By as-of date: a run asks with one date, for every plant the rule covers. */
const MEMO = new OutcomeMemo<{ from: string; to: string }, string>();

export function matchSeason(c: { from: string; to: string }, asOf: string): Outcome {
  return MEMO.get(c, asOf, () =>
    inSeason(c.from, c.to, asOf)
      ? yes([{ kind: 'comparison', subject: 'date', value: asOf, operator: 'between', threshold: [c.from, c.to] }])
      : NO,
  );
}
