/**
 * A refusal the caller must see as such, thrown by any layer below HTTP (accounts, the ledger,
 * publications): the status the API answers with, the English message, and, where there is one,
 * the reason each UI words in its language. The HTTP error handler answers every Refusal the same
 * way, so no route translates its module's errors by hand.
 */
import { inEnglish, type Reason } from './reasons.ts';

export type RefusalStatus = 400 | 403 | 404 | 409 | 413 | 415;

export class Refusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    message: string,
    /** Why, for the UI to word (reasons.ts). */
    readonly reason?: Reason,
    /** What else the caller needs, e.g. each case that failed in a bulk change. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A refusal whose message is its reason's English. */
export class ReasonedRefusal extends Refusal {
  declare readonly reason: Reason;
  constructor(status: RefusalStatus, reason: Reason, details?: unknown) {
    super(status, inEnglish(reason), reason, details);
  }
}
