/**
 * One candidate site in the drawer's relocation section: its rank, name, distance, whether it lies
 * in the same prefecture or province, how its park takes the sector, its free land, the rules it
 * clears or would break, and — for a qualifying site — a proposal with a required reason.
 */
import { type FormEvent, useState } from 'react';
import type { SiteVerdict } from '../../../server/domain/relocation/site.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { LedgerMessages } from './ledger-messages.ts';
import { reasonText } from './site-reason-text.ts';

export const siteKey = (s: SiteVerdict, i: number) => s.site.park_id ?? `${s.site.source}-${i}-${s.site.lon},${s.site.lat}`;

/** A site's name in the UI language, or what it is when it has none (a chosen point). */
function siteName(s: SiteVerdict, text: LedgerMessages, pick: (zh: string, en: string | null | undefined) => string): string {
  if (s.site.name) return pick(s.site.name, s.site.name_en);
  return `${text.relocation.chosenPoint} (${s.site.lon.toFixed(3)}, ${s.site.lat.toFixed(3)})`;
}

export function SiteVerdictItem({
  verdict: s,
  text,
  mayPropose,
  onPropose,
}: {
  verdict: SiteVerdict;
  text: LedgerMessages;
  mayPropose: boolean;
  onPropose: (reason: string) => Promise<void>;
}) {
  const t = text.relocation;
  const { lang, pick } = useI18n();
  const [proposing, setProposing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const name = siteName(s, text, pick);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    setBusy(true);
    onPropose(reason.trim()).finally(() => setBusy(false));
  };
  const place = s.same_prefecture ? t.samePrefecture : s.same_province ? t.sameProvince : t.otherProvince;
  return (
    <li className={s.qualifies ? 'site qualifies' : 'site'} data-testid="site" data-park-id={s.site.park_id ?? ''} data-rank={s.rank ?? ''}>
      <div className="site-head">
        {s.rank !== null && <span className="site-rank">{t.rank(s.rank)}</span>}
        <strong className="site-name">{name}</strong>
      </div>
      <div className="site-facts">
        <span>{t.km(s.distance_km)}</span>
        <span className={s.same_prefecture || s.same_province ? 'tag site-near' : 'tag site-far'}>{place}</span>
        <span className={`tag sector-${s.sector_fit}`}>{t.sector[s.sector_fit]}</span>
        <span>
          {t.landFree} {s.land_free_ha === null ? t.unknown : t.ha(s.land_free_ha)}
        </span>
      </div>
      {s.reasons.length > 0 && (
        <details className="site-reasons">
          <summary>{t.details}</summary>
          <ul className="plain">
            {s.reasons.map((r, i) => (
              <li key={`${r.kind}-${r.rule_id ?? i}`} className={`reason reason-${r.kind}`} data-kind={r.kind}>
                {r.policy && <span className="muted">{r.policy} · </span>}
                {reasonText(r, text, lang)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {mayPropose && !proposing && (
        <button type="button" className="site-propose" onClick={() => setProposing(true)} data-testid="site-propose">
          {t.propose}
        </button>
      )}
      {mayPropose && proposing && (
        <form className="site-form" onSubmit={submit}>
          <label>
            {t.reason}
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              maxLength={2000}
              rows={2}
              // biome-ignore lint/a11y/noAutofocus: the field appears because the user asked to propose; typing goes there.
              autoFocus
              data-testid="site-reason"
            />
          </label>
          <div className="site-actions">
            <button type="submit" disabled={busy || !reason.trim()} data-testid="site-submit">
              {t.submit}
            </button>
            <button type="button" className="secondary" onClick={() => setProposing(false)}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
