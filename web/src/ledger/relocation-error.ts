/**
 * A refused site action in the UI language. The server's reason, when it sent one, is already
 * worded by request.ts; a refusal without one is worded here from its status, which the site routes
 * give one meaning each (403 outside the region or approving one's own proposal, 404 no such case
 * or enterprise, 422 a site that does not qualify). A 409 passes through: the drawer reloads the case.
 */
import { ApiRequestError } from '../api/request.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function relocationError(error: Error, text: LedgerMessages): Error {
  if (!(error instanceof ApiRequestError) || error.reason !== null) return error;
  const worded = text.relocation.errors[error.status];
  return worded ? new ApiRequestError(error.status, worded) : error;
}
