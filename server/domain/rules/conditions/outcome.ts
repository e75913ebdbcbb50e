import type { Evidence } from '../../flag.ts';

/**
 * The result of one condition: it holds (with the evidence that shows it), it does not, or the
 * data cannot tell (with the reason, which screening reports as a note instead of guessing).
 */
export type Outcome =
  | { match: true; evidence: Evidence[]; deadline?: string | null }
  | { match: false }
  | { match: 'unknown'; reason: string };

export const NO: Outcome = { match: false };
export const yes = (evidence: Evidence[] = [], deadline?: string | null): Outcome =>
  deadline === undefined ? { match: true, evidence } : { match: true, evidence, deadline };
export const unknown = (reason: string): Outcome => ({ match: 'unknown', reason });
