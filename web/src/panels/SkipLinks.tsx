/**
 * Links at the very top of the page, shown when focused, that take the keyboard past the header and
 * the long filter list: to the map, or to the filters tab.
 */
import { useI18n } from '../i18n/i18n.tsx';
import { MAP_ID } from '../map/MapView.tsx';
import { update } from '../state/store.ts';
import './skip-links.css';

/** The filters tab's id (Sidebar). */
const FILTERS_TAB_ID = 'tab-filters';

export function SkipLinks() {
  const { t } = useI18n();
  const go = (e: React.MouseEvent, id: string) => {
    // Focus by hand rather than follow the fragment: the URL holds the view, not a hash.
    e.preventDefault();
    if (id === FILTERS_TAB_ID) update({ tab: 'filters' });
    // On the map, focus MapLibre's canvas itself: it is what takes the arrow and +/- keys, so the
    // keyboard pans and zooms at once instead of needing one more Tab.
    const target =
      id === MAP_ID
        ? (document.querySelector<HTMLElement>(`#${MAP_ID} .maplibregl-canvas`) ?? document.getElementById(id))
        : document.getElementById(id);
    target?.focus();
  };
  return (
    <div className="skip-links">
      <a href={`#${MAP_ID}`} onClick={(e) => go(e, MAP_ID)} data-testid="skip-to-map">
        {t.skipToMap}
      </a>
      <a href={`#${FILTERS_TAB_ID}`} onClick={(e) => go(e, FILTERS_TAB_ID)} data-testid="skip-to-filters">
        {t.skipToFilters}
      </a>
    </div>
  );
}
