/**
 * What the map legend lists, from the state the layers are drawn from: the enterprises (as cells
 * or as plants coloured by action, sector or an indicator), the choropleth, and every zone layer
 * shown, reserves by zone type including the unzoned. The on-screen legend (Legend.tsx) and the
 * saved image (save-map-image.ts) both render these blocks, so they cannot disagree.
 */
import { ACTION_NAMES, type Action } from '../../../server/domain/actions.ts';
import { SECTOR_GROUP_NAMES, type SectorGroup } from '../../../server/domain/sectors.ts';
import { RESERVE_ZONE_TYPES, type ZoneKind } from '../../../server/domain/zone.ts';
import type { Lang, Messages } from '../i18n/messages.ts';
import type { LayerId } from '../state/app-state.ts';
import { CHOROPLETH_CLASSES } from './choropleth.ts';
import type { Legend as EnterpriseLegend } from './enterprise-style.ts';
import type { DrawnEnterprises } from './legend-report.ts';
import { cellClassLabel } from './level-of-detail/cell-classes.ts';
import { RESERVE_STYLES, type RGB, ZONE_STYLES, type ZoneStyle } from './palette.ts';
import type { ChoroplethState } from './use-choropleth.ts';

/** Zone layers in the order the legend lists them. */
export const LEGEND_ZONES: readonly ZoneKind[] = ['nature_reserve', 'built_up', 'river_basin', 'key_region', 'industrial_park'];

/** A dot for a plant, a square for a cell or a region, a zone's own fill and outline. */
export type Swatch = { shape: 'dot'; color: RGB } | { shape: 'square'; color: RGB } | { shape: 'zone'; style: ZoneStyle };

export interface LegendEntry {
  /** Unique within the legend, stable across languages: "reserve-unzoned", "action-close". */
  id: string;
  label: string;
  swatch: Swatch;
}

export interface LegendBlock {
  id: 'cells' | 'enterprises' | 'choropleth' | 'zones';
  title: string | null;
  /** A continuous colour ramp drawn above the entries, with its two ends labelled. */
  ramp: { colors: RGB[]; from: string; to: string } | null;
  entries: LegendEntry[];
  /** A remark under the entries (why plants are drawn as cells). */
  note: string | null;
}

/** What of the map's state the legend depends on. */
export interface MapLayerState {
  hidden: readonly LayerId[];
  /** How enterprises are coloured, when drawn one by one. */
  enterprises: EnterpriseLegend | null;
  /** What the map controller reports it draws the enterprises as. */
  drawn: DrawnEnterprises | null;
  choropleth: ChoroplethState['legend'];
}

/** The UI's language, as useI18n() gives it. */
export interface LegendWords {
  t: Messages;
  lang: Lang;
  pick: (zh: string, en: string | null | undefined) => string;
}

/** Percent classes as a reader says them: "< −18%", "−18% – −10%", "≥ 10%". */
const classLabel = (from: number | null, to: number | null) =>
  from === null ? `< ${to}%` : to === null ? `≥ ${from}%` : `${from}% – ${to}%`;

function enterpriseBlock(legend: EnterpriseLegend, { t, pick, lang }: LegendWords): LegendBlock {
  if (legend.kind === 'ramp') {
    const locale = lang === 'zh' ? 'zh-CN' : 'en';
    const fmt = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
    return {
      id: 'enterprises',
      title: t.indicatorNames[legend.column],
      ramp: { colors: legend.ramp, from: fmt(legend.domain[0]), to: fmt(legend.domain[1]) },
      entries: [{ id: 'no-value', label: t.noValue, swatch: { shape: 'dot', color: legend.noValue } }],
      note: null,
    };
  }
  const name = (id: string) => {
    if (legend.of === 'sector') return pick(SECTOR_GROUP_NAMES[id as SectorGroup].zh, SECTOR_GROUP_NAMES[id as SectorGroup].en);
    return id === 'none' ? t.notFlagged : pick(ACTION_NAMES[id as Action].zh, ACTION_NAMES[id as Action].en);
  };
  return {
    id: 'enterprises',
    title: legend.of === 'action' ? t.colorByAction : t.colorBySector,
    ramp: null,
    entries: legend.items.map((item) => ({
      id: `${legend.of}-${item.id}`,
      label: name(item.id),
      swatch: { shape: 'dot', color: item.color },
    })),
    note: null,
  };
}

/** The legend of what the map draws now, block by block, in the order it is shown. */
export function legendBlocks(state: MapLayerState, words: LegendWords): LegendBlock[] {
  const { t, lang } = words;
  const shows = (id: LayerId) => !state.hidden.includes(id);
  const blocks: LegendBlock[] = [];
  const drawn = state.drawn;
  if (shows('enterprises') && drawn?.kind === 'cells') {
    blocks.push({
      id: 'cells',
      title: t.cellsTitle(drawn.cellKm),
      ramp: null,
      entries: drawn.classes.map((c) => ({
        id: `cells-${c.from}`,
        label: cellClassLabel(c, lang === 'zh' ? 'zh-CN' : 'en'),
        swatch: { shape: 'square', color: c.color },
      })),
      note: drawn.reason === 'budget' ? t.cellsOverBudget(drawn.budget) : null,
    });
  } else if (shows('enterprises') && state.enterprises) {
    blocks.push(enterpriseBlock(state.enterprises, words));
  }
  const choropleth = state.choropleth;
  if (choropleth && shows('choropleth')) {
    blocks.push({
      id: 'choropleth',
      title: `${t.choroplethNames[choropleth.indicator]}${choropleth.year ? ` (${choropleth.year})` : ''}`,
      ramp: null,
      entries: CHOROPLETH_CLASSES[choropleth.indicator].map((c) => ({
        id: `choropleth-${c.from ?? 'below'}`,
        label: classLabel(c.from, c.to),
        swatch: { shape: 'square', color: c.color },
      })),
      note: null,
    });
  }
  const zones: LegendEntry[] = LEGEND_ZONES.filter(shows).flatMap((kind) =>
    kind === 'nature_reserve'
      ? RESERVE_ZONE_TYPES.map((z) => ({
          id: `reserve-${z}`,
          label: `${t.zoneKinds.nature_reserve} · ${t.zoneTypes[z]}`,
          swatch: { shape: 'zone' as const, style: RESERVE_STYLES[z] },
        }))
      : [{ id: kind, label: t.zoneKinds[kind], swatch: { shape: 'zone' as const, style: ZONE_STYLES[kind] } }],
  );
  if (zones.length) blocks.push({ id: 'zones', title: null, ramp: null, entries: zones, note: null });
  return blocks;
}

/**
 * How opaque a zone's swatch is drawn: its fill is faint on the map, where it lies over the
 * basemap, and would vanish in a 16-pixel square.
 */
export const zoneSwatchOpacity = (style: ZoneStyle) => Math.min(1, style.fillOpacity + 0.35);
