/** Turns the ledger's refusals into API errors with the same status and message. */
import { LedgerError } from '../ledger/ledger-error.ts';
import { ApiError } from './errors.ts';

export async function asApiErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LedgerError) throw new ApiError(error.status, error.message, undefined, error.details, error.reason);
    throw error;
  }
}
