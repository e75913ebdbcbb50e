/**
 * Past the zooms the offline basemap has detail for, a quiet note says so and opens the basemap
 * settings (the Layers tab, focus on the basemap choice) instead of leaving an empty grey map.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { update, useAppState } from '../state/store.ts';
import { OFFLINE_DETAIL_NOTE_ZOOM } from './offline-detail.ts';
import './offline-detail-note.css';

/** The basemap id of the offline basemap in the app state. */
export const OFFLINE_BASEMAP_ID = 'offline';

/** Opens the Layers tab and puts focus on the basemap now chosen there. */
export function openBasemapSettings(): void {
  update({ tab: 'layers' });
  // The tab's panel renders on the state change; focus waits for the frame that shows it.
  requestAnimationFrame(() => {
    const group = document.querySelector<HTMLElement>('[data-testid="basemaps"]');
    const chosen = group?.querySelector<HTMLInputElement>('input[name="basemap"]:checked') ?? group?.querySelector('input');
    group?.scrollIntoView({ block: 'nearest' });
    chosen?.focus();
  });
}

export function OfflineDetailNote() {
  const { t } = useI18n();
  const zoom = useAppState((s) => s.view?.zoom ?? null);
  if (zoom === null || zoom < OFFLINE_DETAIL_NOTE_ZOOM) return null;
  return (
    <p className="offline-detail-note" role="note" data-testid="offline-detail-note">
      {t.offlineNoStreetDetail}{' '}
      <button type="button" className="link-button" onClick={openBasemapSettings} data-testid="offline-detail-choose-basemap">
        {t.chooseBasemap}
      </button>
    </p>
  );
}
