/** How enterprises are drawn, which layers show and how opaque, the choropleth and the basemap. */
import { INDICATOR_COLUMNS } from '../../../server/domain/column-payload.ts';
import type { Catalogue } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { BasemapSwitcher } from '../map/basemap-switcher/BasemapSwitcher.tsx';
import type { AppState, ChoroplethIndicator, ColorBy, LayerId } from '../state/app-state.ts';
import { shallowEqual, update, useAppState } from '../state/store.ts';
import { CHOROPLETHS } from '../state/url-codec.ts';
import './filters/facet.css';
import './layer-panel.css';

const LAYERS: LayerId[] = [
  'enterprises',
  'nature_reserve',
  'built_up',
  'river_basin',
  'key_region',
  'industrial_park',
  'prefectures',
  'choropleth',
  'labels',
];

const layerSlice = (s: AppState) => ({
  colorBy: s.colorBy,
  sizeBy: s.sizeBy,
  aggregate: s.aggregate,
  hidden: s.hidden,
  opacity: s.opacity,
  choropleth: s.choropleth,
});

export function LayerPanel({ catalogue }: { catalogue: Catalogue | null }) {
  const { t } = useI18n();
  const state = useAppState(layerSlice, shallowEqual);
  const name = (l: LayerId): string =>
    l === 'enterprises'
      ? t.enterprises
      : l === 'prefectures'
        ? t.prefectureBoundaries
        : l === 'labels'
          ? t.placeLabels
          : l === 'choropleth'
            ? t.choropleth
            : t.zoneKinds[l];
  const colorOptions: [ColorBy, string][] = [
    ['action', t.colorByAction],
    ['sector', t.colorBySector],
    ...INDICATOR_COLUMNS.map((c) => [c, t.indicatorNames[c]] as [ColorBy, string]),
  ];
  return (
    <div className="layers">
      <h2>{t.layers}</h2>
      <label className="field">
        {t.colorBy}
        <select value={state.colorBy} onChange={(e) => update({ colorBy: e.target.value as ColorBy })} data-testid="color-by">
          {colorOptions.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t.sizeBy}
        <select
          value={state.sizeBy}
          onChange={(e) => update({ sizeBy: e.target.value === 'capacity' ? 'capacity' : 'fixed' })}
          data-testid="size-by"
        >
          <option value="fixed">{t.sizeFixed}</option>
          <option value="capacity">{t.sizeCapacity}</option>
        </select>
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={state.aggregate}
          onChange={(e) => update({ aggregate: e.target.checked })}
          data-testid="toggle-aggregate"
        />
        <span>{t.aggregate}</span>
      </label>
      <ul className="layer-list">
        {LAYERS.map((l) => {
          const opacity = state.opacity[l] ?? 1;
          return (
            <li key={l} className="layer-row">
              <label className="toggle">
                <input
                  type="checkbox"
                  checked={!state.hidden.includes(l)}
                  onChange={(e) => update((s) => ({ hidden: e.target.checked ? s.hidden.filter((h) => h !== l) : [...s.hidden, l] }))}
                  data-testid={`toggle-${l}`}
                />
                <span className="layer-name">{name(l)}</span>
              </label>
              {l !== 'labels' && (
                <>
                  <input
                    type="range"
                    min={0}
                    max={1}
                    step={0.05}
                    value={opacity}
                    aria-label={`${name(l)} ${t.opacity}`}
                    onChange={(e) => update((s) => ({ opacity: { ...s.opacity, [l]: Number(e.target.value) } }))}
                    data-testid={`opacity-${l}`}
                  />
                  <output className="opacity-value">{`${Math.round(opacity * 100)}%`}</output>
                </>
              )}
              {l === 'choropleth' && (
                <select
                  value={state.choropleth}
                  onChange={(e) => update({ choropleth: e.target.value as ChoroplethIndicator })}
                  aria-label={t.choropleth}
                  data-testid="choropleth-indicator"
                >
                  {CHOROPLETHS.map((c) => (
                    <option key={c} value={c}>
                      {t.choroplethNames[c]}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
      <BasemapSwitcher catalogue={catalogue} />
      <p className="note">{t.illustrative}</p>
    </div>
  );
}
