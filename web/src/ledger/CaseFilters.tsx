/**
 * Filters of the ledger: status, action, prefecture, relocation site, no qualifying site within a
 * distance, overdue, no longer flagged, and text.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { CASE_STATUSES } from '../../../server/domain/case-lifecycle.ts';
import { jurisdictionContains } from '../../../server/domain/regions.ts';
import type { Catalogue } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { RegionNamer } from './LedgerPage.tsx';
import { type CaseQuery, SITE_FILTERS, type SiteFilter } from './ledger-api.ts';
import { useLedgerText } from './ledger-messages.ts';
import { MAX_SITE_KM } from './ledger-url.ts';

interface Props {
  catalogue: Catalogue | null;
  /** The account's region: only prefectures inside it are offered. */
  scope: string | null;
  value: CaseQuery;
  onApply: (query: CaseQuery) => void;
  regionName: RegionNamer;
}

export function CaseFilters({ catalogue, scope, value, onApply, regionName }: Props) {
  const text = useLedgerText();
  const { pick } = useI18n();
  const [draft, setDraft] = useState<CaseQuery>(value);
  useEffect(() => setDraft(value), [value]);
  const prefectures = (catalogue?.regions ?? []).filter(
    (r) => (r.level === 'prefecture' || r.level === 'province') && (scope === null || jurisdictionContains(scope, r.code)),
  );
  const set = (patch: Partial<CaseQuery>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="ledger-filters" onSubmit={submit} data-testid="case-filters">
      <label>
        {text.filters.status}
        <select value={draft.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })} data-testid="filter-status">
          <option value="">{text.filters.any}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {text.statuses[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.filters.action}
        <select value={draft.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">{text.filters.any}</option>
          {(catalogue?.actions ?? [])
            .filter((a) => a.id !== 'green')
            .map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.zh, a.en)}
              </option>
            ))}
        </select>
      </label>
      <label>
        {text.filters.region}
        <select value={draft.region ?? ''} onChange={(e) => set({ region: e.target.value || undefined })} data-testid="filter-region">
          <option value="">{text.filters.any}</option>
          {prefectures.map((r) => (
            <option key={r.code} value={r.code}>
              {r.level === 'province' ? regionName(r.code) : `· ${regionName(r.code)}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.filters.site}
        <select
          value={draft.site ?? ''}
          onChange={(e) => set({ site: (e.target.value || undefined) as SiteFilter | undefined })}
          data-testid="filter-site"
        >
          <option value="">{text.filters.any}</option>
          {SITE_FILTERS.map((s) => (
            <option key={s} value={s}>
              {text.filters.sites[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {text.filters.noSiteWithin}
        <input
          type="number"
          className="filter-km"
          min={1}
          max={MAX_SITE_KM}
          step={1}
          inputMode="numeric"
          value={draft.no_site_within ?? ''}
          onChange={(e) => {
            const km = Number.parseInt(e.target.value, 10);
            set({ no_site_within: km > 0 ? Math.min(km, MAX_SITE_KM) : undefined });
          }}
          data-testid="filter-no-site-within"
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.overdue === true}
          onChange={(e) => set({ overdue: e.target.checked || undefined })}
          data-testid="filter-overdue"
        />
        {text.filters.overdue}
      </label>
      <label className="check">
        <input type="checkbox" checked={draft.flagged === false} onChange={(e) => set({ flagged: e.target.checked ? false : undefined })} />
        {text.filters.unflagged}
      </label>
      <input
        type="search"
        placeholder={text.filters.search}
        value={draft.q ?? ''}
        onChange={(e) => set({ q: e.target.value || undefined })}
        aria-label={text.filters.search}
      />
      <button type="submit" data-testid="filter-apply">
        {text.filters.apply}
      </button>
      <button type="button" onClick={() => onApply({})}>
        {text.filters.reset}
      </button>
    </form>
  );
}
