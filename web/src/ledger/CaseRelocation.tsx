/**
 * The drawer's relocation section, for cases that must relocate or withdraw: the site chosen so
 * far (proposed, approved, applied) with its actions, capacity replacement where the sector has
 * one, and the candidate sites — the parks ranked by the server, or what lies at a point chosen
 * or in an area drawn on the case map — each with the rules it clears or would break.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useQuery } from '../api/use-query.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CapacityReplacement } from './CapacityReplacement.tsx';
import { ChosenSite } from './ChosenSite.tsx';
import { type CaseDetailWithSite, ledgerApi, type SitePlace } from './ledger-api.ts';
import type { LedgerMessages } from './ledger-messages.ts';
import { relocationError } from './relocation-error.ts';
import { SiteVerdictItem, siteKey } from './SiteVerdictItem.tsx';
import './case-relocation.css';

export type PickMode = 'point' | 'area';

/** A place chosen on the case map for one case; seq tells a new choice of the same place apart. */
export interface PickedPlace {
  caseId: number;
  place: SitePlace;
  seq: number;
}

/** Cases with these actions move, and so need a site. */
export const MOVING_ACTIONS = new Set(['relocate', 'withdraw']);

const SUGGESTIONS = 12;

interface Props {
  detail: CaseDetailWithSite;
  canEdit: boolean;
  /** The signed-in account: it may not approve the site it proposed. */
  username: string;
  text: LedgerMessages;
  picked: PickedPlace | null;
  onPick: (mode: PickMode) => void;
  onChanged: (message: string) => void;
  onError: (e: Error) => void;
}

export function CaseRelocation({ detail, canEdit, username, text, picked, onPick, onChanged, onError }: Props) {
  const t = text.relocation;
  const { lang } = useI18n();
  const [within, setWithin] = useState('');
  // Empty: today, as the server judges proposals. Another date asks how the rules of that day judge
  // the sites (a rule in force from next year, say); a proposal is still judged as of today.
  const [asOf, setAsOf] = useState('');
  const [coords, setCoords] = useState({ lon: '', lat: '' });
  const [asked, setAsked] = useState<{ within: number | undefined; as_of: string | undefined; place: SitePlace | null }>({
    within: undefined,
    as_of: undefined,
    place: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new choice on the map, for this case, replaces the search.
  useEffect(() => {
    if (picked && picked.caseId === detail.id) setAsked((a) => ({ ...a, place: picked.place }));
  }, [picked?.seq]);
  // Judging sites is the officials' (server/http/auth/access-policy.ts); others see the site chosen.
  const [state] = useQuery(
    canEdit
      ? (signal) =>
          asked.place
            ? ledgerApi.sitesAt(detail.enterprise_id, { ...asked.place, as_of: asked.as_of }, signal)
            : ledgerApi.sites(detail.enterprise_id, { within: asked.within, as_of: asked.as_of, limit: SUGGESTIONS }, signal)
      : null,
    [canEdit, detail.enterprise_id, asked],
  );
  const relocation = detail.relocation ?? null;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const failed = (e: Error) => onError(relocationError(e, text));
  // A site already approved is changed by withdrawing it first.
  const mayPropose = canEdit && !relocation?.approved && !relocation?.applied_at;
  const search = (e: FormEvent) => {
    e.preventDefault();
    const km = Number(within);
    setAsked({ within: within.trim() && km > 0 ? km : undefined, as_of: /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined, place: null });
  };

  // Typed coordinates are the keyboard's way to what a click on the map chooses.
  const checkPoint = (e: FormEvent) => {
    e.preventDefault();
    const lon = Number(coords.lon);
    const lat = Number(coords.lat);
    if (coords.lon.trim() && coords.lat.trim() && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)
      setAsked((a) => ({ ...a, place: { point: [lon, lat] } }));
  };

  const suggestions = state.status === 'ready' ? state.value : null;
  const qualifying = suggestions?.sites.filter((s) => s.qualifies) ?? [];
  const others = suggestions?.sites.filter((s) => !s.qualifies) ?? [];
  return (
    <section className="case-relocation" aria-labelledby="case-relocation-heading" data-testid="case-relocation">
      <h3 id="case-relocation-heading">{t.heading}</h3>
      {relocation?.proposed && (
        <ChosenSite
          detail={detail}
          relocation={relocation}
          canEdit={canEdit}
          username={username}
          text={text}
          locale={locale}
          onDone={onChanged}
          onError={failed}
        />
      )}
      {!relocation?.proposed && !canEdit && <p className="muted">{t.noSite}</p>}
      {relocation?.capacity && <CapacityReplacement capacity={relocation.capacity} text={text} />}
      {canEdit && (
        <>
          <form className="site-search" onSubmit={search}>
            <label>
              {t.within}
              <input
                type="number"
                min={1}
                max={2000}
                step={1}
                inputMode="numeric"
                value={within}
                onChange={(e) => setWithin(e.target.value)}
                data-testid="site-within"
              />
            </label>
            <label>
              {t.asOf}
              <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="site-as-of" />
            </label>
            <button type="submit">{t.search}</button>
            <button type="button" onClick={() => onPick('point')} data-testid="site-pick-point">
              {t.pickPoint}
            </button>
            <button type="button" onClick={() => onPick('area')} data-testid="site-draw-area">
              {t.drawArea}
            </button>
          </form>
          <form className="site-search" onSubmit={checkPoint} aria-label={t.typePoint}>
            <span className="muted small site-coords-label">{t.typePoint}</span>
            <label>
              {t.lon}
              <input
                type="number"
                min={-180}
                max={180}
                step="any"
                required
                value={coords.lon}
                onChange={(e) => setCoords((c) => ({ ...c, lon: e.target.value }))}
                data-testid="site-lon"
              />
            </label>
            <label>
              {t.lat}
              <input
                type="number"
                min={-90}
                max={90}
                step="any"
                required
                value={coords.lat}
                onChange={(e) => setCoords((c) => ({ ...c, lat: e.target.value }))}
                data-testid="site-lat"
              />
            </label>
            <button type="submit" data-testid="site-check-point">
              {t.checkPoint}
            </button>
          </form>
        </>
      )}
      {asked.place && (
        <p className="muted small">
          {'point' in asked.place ? t.chosenPoint : t.chosenArea}{' '}
          <button type="button" className="link" onClick={() => setAsked((a) => ({ ...a, place: null }))}>
            {t.backToParks}
          </button>
        </p>
      )}
      {state.status === 'loading' && <p className="muted">{t.loading}</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {relocationError(state.error, text).message}
        </p>
      )}
      {suggestions && (
        <>
          <h4>{qualifying.length > 0 ? t.qualifying(qualifying.length) : t.noneQualifying}</h4>
          <p className="muted small" data-testid="site-judged-as-of">
            {t.judgedAsOf(suggestions.as_of)}
          </p>
          <ol className="site-list" data-testid="site-list">
            {qualifying.map((s, i) => (
              <SiteVerdictItem
                key={siteKey(s, i)}
                verdict={s}
                text={text}
                mayPropose={mayPropose}
                onPropose={(reason) =>
                  ledgerApi
                    .proposeSite(detail.id, detail.version, { park_id: s.site.park_id, lon: s.site.lon, lat: s.site.lat, reason })
                    .then(() => onChanged(t.done.propose), failed)
                }
              />
            ))}
          </ol>
          {others.length > 0 && (
            <details className="site-others" data-testid="site-others">
              <summary>{t.others(others.length)}</summary>
              <ul className="site-list">
                {others.map((s, i) => (
                  <SiteVerdictItem key={siteKey(s, i)} verdict={s} text={text} mayPropose={false} onPropose={() => Promise.resolve()} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
