/**
 * One move on the case map as the UI words it, in its language: the enterprise, its site and how
 * far the decision is. English names where the data has them, else the Chinese; an enterprise
 * with no name at all by its id, a site with none (a point outside any park) as a dash.
 */
import type { RelocationFlow } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

type Named = Pick<RelocationFlow, 'enterprise_id' | 'enterprise_name' | 'enterprise_name_en' | 'site_name' | 'site_name_en' | 'stage'>;

export function flowText(flow: Named, text: LedgerMessages, lang: 'zh' | 'en'): string {
  const name = (zh: string | null, en: string | null) => (lang === 'en' ? en || zh : zh || en);
  return text.relocationMap.flowItem(
    name(flow.enterprise_name, flow.enterprise_name_en) || flow.enterprise_id,
    name(flow.site_name, flow.site_name_en) || '—',
    text.relocationMap.stages[flow.stage],
  );
}
