/** Layer toggles with the legend of each layer beside it, drawn from the same palette as the map. */
import { SECTOR_GROUPS } from '../../../server/domain/sectors.ts';
import type { ZoneKind } from '../../../server/domain/zone.ts';
import type { Catalogue } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ToggleableLayer } from '../map/map-controller.ts';
import { hex, RESERVE_STYLES, SECTOR_GROUP_COLORS, ZONE_STYLES, type ZoneStyle } from '../map/palette.ts';

const ZONE_LAYERS: ZoneKind[] = ['nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park'];

function Swatch({ style }: { style: ZoneStyle }) {
  return (
    <span
      className="swatch"
      style={{
        background: style.fill,
        opacity: Math.min(1, style.fillOpacity + 0.35),
        borderColor: style.line,
        borderStyle: style.dashed ? 'dashed' : 'solid',
      }}
    />
  );
}

interface Props {
  catalogue: Catalogue | null;
  visibility: Record<ToggleableLayer, boolean>;
  onToggle: (layer: ToggleableLayer, visible: boolean) => void;
}

export function LayerPanel({ catalogue, visibility, onToggle }: Props) {
  const { t, pick } = useI18n();
  const toggle = (layer: ToggleableLayer, label: string) => (
    <label className="toggle">
      <input
        type="checkbox"
        checked={visibility[layer]}
        onChange={(e) => onToggle(layer, e.target.checked)}
        data-testid={`toggle-${layer}`}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <section className="panel layers" aria-label={t.layers}>
      <h2>{t.layers}</h2>
      <div className="layer">
        {toggle('enterprises', t.enterprisesBySector)}
        <ul className="legend" aria-label={t.legend}>
          {SECTOR_GROUPS.map((g) => {
            const names = catalogue?.sectorGroups.find((s) => s.id === g);
            return (
              <li key={g}>
                <span className="dot" style={{ background: hex(SECTOR_GROUP_COLORS[g]) }} />
                {names ? pick(names.zh, names.en) : g}
              </li>
            );
          })}
        </ul>
      </div>
      {ZONE_LAYERS.map((kind) => (
        <div className="layer" key={kind}>
          {toggle(kind, t.zoneKinds[kind])}
          {kind === 'nature_reserve' ? (
            <ul className="legend">
              {(['core', 'buffer', 'experimental'] as const).map((z) => (
                <li key={z}>
                  <Swatch style={RESERVE_STYLES[z]} />
                  {t.zoneTypes[z]}
                </li>
              ))}
            </ul>
          ) : (
            <ul className="legend">
              <li>
                <Swatch style={ZONE_STYLES[kind]} />
                {t.zoneKinds[kind]}
              </li>
            </ul>
          )}
        </div>
      ))}
      <div className="layer">{toggle('prefectures', t.prefectureBoundaries)}</div>
      <div className="layer">{toggle('labels', t.placeLabels)}</div>
      <p className="note">{t.illustrative}</p>
    </section>
  );
}
