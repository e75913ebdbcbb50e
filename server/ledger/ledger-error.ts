/**
 * A refusal the caller must see as such: the HTTP layer maps `status` to the response (400 bad
 * change, 403 outside the caller's region, 404 no such case, 409 stale version or move not in the
 * lifecycle). `details` lists each case that failed in a bulk change.
 */
import type { Reason } from '../domain/reasons.ts';
import { Refusal, type RefusalStatus } from '../domain/refusal.ts';

export type LedgerErrorStatus = RefusalStatus;

export class LedgerError extends Refusal {
  constructor(status: LedgerErrorStatus, message: string, details?: unknown, reason?: Reason) {
    super(status, message, reason, details);
  }
}

/** DuckDB reports two transactions writing one row as a conflict; for the caller it is a stale edit. */
export function isWriteConflict(error: unknown): boolean {
  return (
    error instanceof Error && /Conflict on (update|tuple)|write-write conflict|constraint violation: duplicate key/i.test(error.message)
  );
}
