/** A problem in the page's language: the server's reason worded here, else its English message. */
import type { Lang } from '../../../server/domain/reasons.ts';
import { wordSent } from '../../../server/domain/reasons.ts';

/** A server older than the reasons sends none, and a newer one may send a key this page does not know. */
export function problemText(p: { message: string; reason?: unknown }, lang: Lang): string {
  return wordSent(p.reason, lang, p.message);
}
