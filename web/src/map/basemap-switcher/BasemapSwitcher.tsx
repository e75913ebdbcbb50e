/**
 * The basemap choice: one radio card per basemap with a thumbnail, its name in the UI's language
 * and where it comes from (offline, this server, online). Native radios, so Tab reaches the group
 * and the arrow keys move the choice, as in any radio group. The choice is app state, kept in the
 * URL as `bm` (url-codec.ts).
 */

import type { Catalogue } from '../../api/client.ts';
import { useQuery } from '../../api/use-query.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { update, useAppState } from '../../state/store.ts';
import type { BasemapConfig } from '../basemaps.ts';
import { archiveThumbnail, swatch, THUMB_HEIGHT, THUMB_WIDTH } from './thumbnails.ts';
import './basemap-switcher.css';

/** The basemap's picture; an archive whose centre tile cannot be read shows an empty frame saying why. */
function Thumbnail({ config }: { config: BasemapConfig | null }) {
  const drawn = swatch(config);
  const [preview] = useQuery(drawn === null && config ? () => archiveThumbnail(config.url) : null, [drawn, config?.url]);
  const src = drawn ?? (preview.status === 'ready' ? preview.value : null);
  if (src) return <img className="basemap-thumb" src={src} alt="" width={THUMB_WIDTH} height={THUMB_HEIGHT} data-testid="basemap-thumb" />;
  return (
    <span
      className="basemap-thumb basemap-thumb-empty"
      aria-hidden="true"
      title={preview.status === 'error' ? preview.error.message : undefined}
      data-testid="basemap-thumb-empty"
    />
  );
}

export function BasemapSwitcher({ catalogue }: { catalogue: Catalogue | null }) {
  const { t, pick } = useI18n();
  const chosen = useAppState((s) => s.basemap);
  const configs = catalogue?.basemaps ?? [];
  const options = [
    { id: 'offline', label: t.offlineBasemap, both: undefined, kind: t.basemapKinds.offline, config: null },
    ...configs.map((b) => ({
      id: b.id,
      label: pick(b.name, b.name_en),
      // Both names on hover, so a planner sharing a link across languages recognises the basemap.
      both: b.name_en && b.name_en !== b.name ? `${b.name} · ${b.name_en}` : undefined,
      kind: b.type === 'pmtiles' ? t.basemapKinds.local : t.basemapKinds.online,
      config: b,
    })),
  ];
  const anyOnline = configs.some((b) => b.type !== 'pmtiles');
  return (
    <fieldset className="facet basemap-switcher" data-testid="basemaps">
      <legend>{t.basemap}</legend>
      <div className="basemap-options">
        {options.map((b) => (
          <label key={b.id} className="basemap-option" title={b.both} data-testid={`basemap-option-${b.id}`}>
            <Thumbnail config={b.config} />
            <span className="basemap-caption">
              <input
                type="radio"
                name="basemap"
                value={b.id}
                checked={chosen === b.id}
                onChange={() => update({ basemap: b.id })}
                data-testid={`basemap-${b.id}`}
              />
              <span className="basemap-name">{b.label}</span>
            </span>
            <span className="basemap-kind">{b.kind}</span>
          </label>
        ))}
      </div>
      {anyOnline && <p className="basemap-note">{t.basemapOnlineNote}</p>}
    </fieldset>
  );
}
