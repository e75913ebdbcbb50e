/**
 * The legend over the map, built from the same palettes, classes and state the layers are drawn
 * from: only what is drawn appears, and it changes the moment the drawing does.
 */
import { useId } from 'react';
import { ACTION_NAMES, type Action } from '../../../server/domain/actions.ts';
import { SECTOR_GROUP_NAMES, type SectorGroup } from '../../../server/domain/sectors.ts';
import { RESERVE_ZONE_TYPES, type ZoneKind } from '../../../server/domain/zone.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useAppState } from '../state/store.ts';
import { CHOROPLETH_CLASSES } from './choropleth.ts';
import type { Legend as EnterpriseLegend } from './enterprise-style.ts';
import { cellClassLabel } from './level-of-detail/cell-classes.ts';
import type { DrawnEnterprises } from './map-controller.ts';
import { hex, RESERVE_STYLES, type RGB, ZONE_STYLES, type ZoneStyle } from './palette.ts';
import type { ChoroplethState } from './use-choropleth.ts';
import { useLegendOpen } from './use-legend-open.ts';

const ZONES: ZoneKind[] = ['nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park'];
const gradient = (ramp: RGB[]) => `linear-gradient(to right, ${ramp.map(hex).join(', ')})`;

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
  legend: EnterpriseLegend | null;
  /** How the map draws the enterprises now (cells or plants), as the map controller reports it. */
  drawn: DrawnEnterprises | null;
  choropleth: ChoroplethState['legend'];
}

export function Legend({ legend, drawn, choropleth }: Props) {
  const { t, pick, lang } = useI18n();
  const hidden = useAppState((s) => s.hidden);
  const shows = (id: string) => !hidden.includes(id as never);
  const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 2 });
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const [open, toggle] = useLegendOpen();
  const bodyId = useId();

  const blocks = [];
  if (shows('enterprises') && drawn?.kind === 'cells') {
    blocks.push(
      <div key="cells" className="legend-block" data-testid="legend-cells">
        <strong>{t.cellsTitle(drawn.cellKm)}</strong>
        <ul>
          {drawn.classes.map((c) => (
            <li key={c.from}>
              <span className="swatch" style={{ background: hex(c.color), borderColor: hex(c.color) }} />
              {cellClassLabel(c, locale)}
            </li>
          ))}
        </ul>
        {drawn.reason === 'budget' && <p className="muted">{t.cellsOverBudget(drawn.budget)}</p>}
      </div>,
    );
  } else if (shows('enterprises') && legend) {
    blocks.push(
      <div key="enterprises" className="legend-block" data-testid="legend-enterprises">
        <strong>
          {legend.kind === 'ramp' ? t.indicatorNames[legend.column] : legend.of === 'action' ? t.colorByAction : t.colorBySector}
        </strong>
        {legend.kind === 'categories' ? (
          <ul>
            {legend.items.map((item) => (
              <li key={item.id}>
                <span className="dot" style={{ background: hex(item.color) }} />
                {legend.of === 'sector'
                  ? pick(SECTOR_GROUP_NAMES[item.id as SectorGroup].zh, SECTOR_GROUP_NAMES[item.id as SectorGroup].en)
                  : item.id === 'none'
                    ? t.notFlagged
                    : pick(ACTION_NAMES[item.id as Action].zh, ACTION_NAMES[item.id as Action].en)}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <div className="ramp" style={{ background: gradient(legend.ramp) }} />
            <div className="ramp-labels">
              <span>{fmt(legend.domain[0])}</span>
              <span>{fmt(legend.domain[1])}</span>
            </div>
            <div>
              <span className="dot" style={{ background: hex(legend.noValue) }} /> {t.noValue}
            </div>
          </>
        )}
      </div>,
    );
  }
  if (choropleth && shows('choropleth')) {
    blocks.push(
      <div key="choropleth" className="legend-block" data-testid="legend-choropleth">
        <strong>
          {t.choroplethNames[choropleth.indicator]}
          {choropleth.year ? ` (${choropleth.year})` : ''}
        </strong>
        <ul>
          {CHOROPLETH_CLASSES[choropleth.indicator].map((c) => (
            <li key={`${c.from}`}>
              <span className="swatch" style={{ background: hex(c.color), borderColor: hex(c.color) }} />
              {c.from === null ? `< ${c.to}%` : c.to === null ? `≥ ${c.from}%` : `${c.from}% – ${c.to}%`}
            </li>
          ))}
        </ul>
      </div>,
    );
  }
  const zones = ZONES.filter(shows);
  if (zones.length) {
    blocks.push(
      <div key="zones" className="legend-block">
        <ul>
          {zones.flatMap((kind) =>
            kind === 'nature_reserve'
              ? RESERVE_ZONE_TYPES.map((z) => (
                  <li key={z} data-testid={`legend-reserve-${z}`}>
                    <Swatch style={RESERVE_STYLES[z]} />
                    {`${t.zoneKinds.nature_reserve} · ${t.zoneTypes[z]}`}
                  </li>
                ))
              : [
                  <li key={kind}>
                    <Swatch style={ZONE_STYLES[kind]} />
                    {t.zoneKinds[kind]}
                  </li>,
                ],
          )}
        </ul>
      </div>,
    );
  }
  return (
    <section className="map-legend" aria-label={t.legend} data-testid="legend">
      <h2>
        <button
          type="button"
          className="legend-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? t.legendHide : t.legendShow}
          onClick={toggle}
          data-testid="legend-toggle"
        >
          {t.legend}
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        </button>
      </h2>
      <div id={bodyId} className="legend-body" hidden={!open} data-testid="legend-body">
        {blocks.length ? blocks : <p className="muted">{t.legendNone}</p>}
      </div>
    </section>
  );
}
