/**
 * Why an audit entry happened, in the page's language: screening's reasons carry a key (in the
 * entry's details) that the page words; people's reasons are their own words.
 */

import { type Lang, wordSent } from '../../../server/domain/reasons.ts';
import type { AuditEntryRecord } from '../../../server/http/schemas/wire.ts';

export function auditReason(entry: Pick<AuditEntryRecord, 'reason' | 'details'>, lang: Lang): string | null {
  return wordSent((entry.details as { reason?: unknown } | null)?.reason, lang, entry.reason);
}
