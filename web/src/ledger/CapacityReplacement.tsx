/** Capacity replacement for a plant that moves (steel, cement, flat glass, aluminium): ratio, capacity retired and rebuilt, and the source. */
import { useI18n } from '../i18n/i18n.tsx';
import type { CaseRelocation as Relocation } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';

export function CapacityReplacement({ capacity, text }: { capacity: NonNullable<Relocation['capacity']>; text: LedgerMessages }) {
  const t = text.relocation.capacity;
  const { lang, pick } = useI18n();
  const amount = (v: number) => `${v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}${capacity.unit ? ` ${capacity.unit}` : ''}`;
  return (
    <div className="capacity" data-testid="capacity">
      <h4>{t.heading}</h4>
      <dl className="facts">
        <dt>{t.ratio}</dt>
        <dd>{t.ratioValue(capacity.ratio)}</dd>
        <dt>{t.retired}</dt>
        <dd>{amount(capacity.retired)}</dd>
        <dt>{t.mayRebuild}</dt>
        <dd>{amount(capacity.may_rebuild)}</dd>
        <dt>{t.source}</dt>
        <dd data-testid="capacity-source">
          {pick(capacity.source.title_zh, capacity.source.title_en)}
          <span className="muted small">
            {' '}
            {capacity.source.document_number} · {capacity.source.date}
          </span>
        </dd>
      </dl>
      {capacity.note && <p className="muted small">{pick(capacity.note_zh ?? capacity.note, capacity.note)}</p>}
    </div>
  );
}
