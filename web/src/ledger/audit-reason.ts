/**
 * Why an audit entry happened, in the page's language: screening's reasons carry a key (in the
 * entry's details) that the page words; people's reasons are their own words.
 */
import type { AuditEntry } from '../../../server/domain/audit.ts';
import { type Lang, wordSent } from '../../../server/domain/reasons.ts';

export function auditReason(entry: Pick<AuditEntry, 'reason' | 'details'>, lang: Lang): string | null {
  return wordSent((entry.details as { reason?: unknown } | null)?.reason, lang, entry.reason);
}
