/**
 * The header's region dashboard picker. It names the open dashboard's region however that was
 * opened — from the map, from the URL, or for a code the list does not offer — instead of reading
 * "Choose a region" over an open dashboard.
 */
import type { Catalogue } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { update, useAppState } from '../state/store.ts';
import './dashboard-picker.css';

export function DashboardPicker({ catalogue }: { catalogue: Catalogue }) {
  const { t, pick } = useI18n();
  const open = useAppState((s) => s.dashboard);
  const provinces = catalogue.regions.filter((r) => r.level === 'province');
  const listed = new Set(
    catalogue.regions.filter((r) => r.level === 'province' || provinces.some((p) => p.code === r.parent)).map((r) => r.code),
  );
  const openRegion = open ? catalogue.regions.find((r) => r.code === open) : undefined;
  return (
    <label className="dashboard-pick">
      <span>{t.dashboard}</span>
      <select
        value={open ?? ''}
        onChange={(e) => e.target.value && update({ dashboard: e.target.value })}
        data-testid="dashboard-select"
        aria-label={t.openDashboard}
      >
        <option value="">{t.selectRegion}</option>
        {open && !listed.has(open) && (
          <option value={open}>{openRegion ? pick(openRegion.zh, openRegion.en) : t.regionByCode(open)}</option>
        )}
        {provinces.map((p) => (
          <optgroup key={p.code} label={pick(p.zh, p.en)}>
            <option value={p.code}>{pick(p.zh, p.en)}</option>
            {catalogue.regions
              .filter((r) => r.parent === p.code)
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {`· ${pick(r.zh, r.en)}`}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
