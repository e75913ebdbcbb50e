/** Why a site qualifies or not, in the UI language: the kind of reason, then the rule's title and the zone it names. */
import type { SiteReason } from '../../../server/domain/relocation/site.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function reasonText(r: SiteReason, text: LedgerMessages, lang: 'zh' | 'en'): string {
  const kind = text.relocation.kinds[r.kind];
  const title = (lang === 'zh' ? r.title_zh : (r.title_en ?? r.title_zh)) ?? r.rule_id;
  if (!title) return kind;
  const zone = r.zone_name ? (lang === 'zh' ? `（${r.zone_name}）` : ` (${r.zone_name})`) : '';
  return lang === 'zh' ? `${kind}：${title}${zone}` : `${kind}: ${title}${zone}`;
}
