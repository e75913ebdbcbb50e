/**
 * AppState ⇄ URL query. Short parameter names keep links readable; anything malformed in a
 * hand-edited link is dropped (falling back to the default) rather than breaking the page.
 */
import { ACTIONS } from '../../../server/domain/actions.ts';
import { INDICATOR_COLUMNS, type IndicatorColumn } from '../../../server/domain/column-payload.ts';
import { PLANT_STATUSES } from '../../../server/domain/enterprise.ts';
import { encodeShape, parseShape } from '../../../server/domain/geometry/shape.ts';
import type { Range } from '../../../server/domain/map-filter.ts';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';
import { type AppState, type ChoroplethIndicator, type ColorBy, DEFAULT_STATE, type LayerId, type SortKey, type Tab } from './app-state.ts';

export const LAYER_IDS: readonly LayerId[] = [
  'enterprises',
  'nature_reserve',
  'built_up',
  'river_basin',
  'key_region',
  'industrial_park',
  'prefectures',
  'labels',
  'choropleth',
];
export const CHOROPLETHS: readonly ChoroplethIndicator[] = ['energy_change', 'water_change', 'added_value_growth', 'flagged_share'];
const COLOR_BY: readonly ColorBy[] = ['action', 'sector', ...INDICATOR_COLUMNS];
const SORT_KEYS: readonly SortKey[] = ['key', 'action', 'sector', 'region', 'capacity', ...INDICATOR_COLUMNS];
const TABS: readonly Tab[] = ['filters', 'layers', 'list', 'selection'];
const ACTION_IDS: readonly string[] = [...ACTIONS, 'none'];
const RANGE_PARAMS: Record<IndicatorColumn, string> = {
  energy_intensity: 'ei',
  water_intensity: 'wi',
  energy_change: 'ec',
  water_change: 'wc',
};

const list = (v: string | null) => (v ? v.split(',').filter((s) => s !== '') : []);
const oneOf = <T extends string>(allowed: readonly T[], v: string | null, fallback: T): T =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
const num = (s: string | undefined): number | null => {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};
const round = (n: number, digits: number) => Number(n.toFixed(digits));

function parseRange(v: string | null): Range | undefined {
  if (!v) return undefined;
  const [a, b] = v.split('~');
  const range: Range = [num(a), num(b)];
  return range[0] === null && range[1] === null ? undefined : range;
}

export { encodeShape };

export function parseState(search: string): AppState {
  const q = new URLSearchParams(search);
  const d = DEFAULT_STATE;
  const view = (() => {
    const [lon, lat, zoom] = list(q.get('v')).map(Number);
    if (lon === undefined || lat === undefined || zoom === undefined) return null;
    if (![lon, lat, zoom].every(Number.isFinite) || Math.abs(lon) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 22) return null;
    return { lon, lat, zoom };
  })();
  const ranges: AppState['filter']['ranges'] = {};
  for (const col of INDICATOR_COLUMNS) {
    const r = parseRange(q.get(RANGE_PARAMS[col]));
    if (r) ranges[col] = r;
  }
  const opacity: AppState['opacity'] = {};
  for (const item of list(q.get('op'))) {
    const [id, value] = item.split(':');
    const o = num(value);
    if (id && (LAYER_IDS as readonly string[]).includes(id) && o !== null && o >= 0 && o <= 1) opacity[id as LayerId] = o;
  }
  const [sortKey, sortDir] = (q.get('sort') ?? '').split('.');
  const year = num(q.get('y') ?? undefined);
  const enterprise = num(q.get('e') ?? undefined);
  return {
    lang: q.get('lang') === 'en' ? 'en' : q.get('lang') === 'zh' ? 'zh' : d.lang,
    view,
    year: year !== null && Number.isInteger(year) ? year : null,
    filter: {
      actions: list(q.get('a')).filter((a) => ACTION_IDS.includes(a)),
      rules: list(q.get('rule')).filter((r) => /^[\w.-]{1,64}$/.test(r)),
      sectors: list(q.get('s')).filter((s) => /^[A-T](\d{2}){0,2}\d?$/.test(s)),
      regions: list(q.get('rg')).filter((r) => /^\d{6}$/.test(r)),
      statuses: list(q.get('st')).filter((s) => (PLANT_STATUSES as readonly string[]).includes(s)),
      zones: list(q.get('z')).filter((z) => (ZONE_KINDS as readonly string[]).includes(z)),
      ranges,
    },
    colorBy: oneOf(COLOR_BY, q.get('c'), d.colorBy),
    sizeBy: q.get('sz') === 'capacity' ? 'capacity' : 'fixed',
    aggregate: q.get('agg') !== '0',
    hidden: q.has('hide') ? (list(q.get('hide')).filter((l) => (LAYER_IDS as readonly string[]).includes(l)) as LayerId[]) : d.hidden,
    opacity,
    choropleth: oneOf(CHOROPLETHS, q.get('ch'), d.choropleth),
    basemap: /^[a-z0-9-]{1,40}$/.test(q.get('bm') ?? '') ? (q.get('bm') as string) : d.basemap,
    selection: parseShape(q.get('sel')),
    enterprise: enterprise !== null && Number.isInteger(enterprise) && enterprise > 0 ? enterprise : null,
    tab: oneOf(TABS, q.get('tab'), d.tab),
    sort: { key: oneOf(SORT_KEYS, sortKey ?? null, d.sort.key), desc: sortDir === 'desc' },
    dashboard: /^\d{6}$/.test(q.get('dash') ?? '') ? q.get('dash') : null,
  };
}

/** Only what differs from the default goes into the link. */
export function serializeState(s: AppState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_STATE;
  q.set('lang', s.lang);
  if (s.view) q.set('v', [round(s.view.lon, 5), round(s.view.lat, 5), round(s.view.zoom, 2)].join(','));
  if (s.year !== null) q.set('y', String(s.year));
  const f = s.filter;
  if (f.actions.length) q.set('a', f.actions.join(','));
  if (f.rules.length) q.set('rule', f.rules.join(','));
  if (f.sectors.length) q.set('s', f.sectors.join(','));
  if (f.regions.length) q.set('rg', f.regions.join(','));
  if (f.statuses.length) q.set('st', f.statuses.join(','));
  if (f.zones.length) q.set('z', f.zones.join(','));
  for (const col of INDICATOR_COLUMNS) {
    const r = f.ranges[col];
    if (r && (r[0] !== null || r[1] !== null)) q.set(RANGE_PARAMS[col], `${r[0] ?? ''}~${r[1] ?? ''}`);
  }
  if (s.colorBy !== d.colorBy) q.set('c', s.colorBy);
  if (s.sizeBy !== d.sizeBy) q.set('sz', s.sizeBy);
  if (!s.aggregate) q.set('agg', '0');
  if ([...s.hidden].sort().join(',') !== [...d.hidden].sort().join(',')) q.set('hide', s.hidden.join(','));
  const op = Object.entries(s.opacity).map(([id, o]) => `${id}:${round(o, 2)}`);
  if (op.length) q.set('op', op.join(','));
  if (s.choropleth !== d.choropleth) q.set('ch', s.choropleth);
  if (s.basemap !== d.basemap) q.set('bm', s.basemap);
  if (s.selection) q.set('sel', encodeShape(s.selection));
  if (s.enterprise !== null) q.set('e', String(s.enterprise));
  if (s.tab !== d.tab) q.set('tab', s.tab);
  if (s.sort.key !== d.sort.key || s.sort.desc !== d.sort.desc) q.set('sort', `${s.sort.key}.${s.sort.desc ? 'desc' : 'asc'}`);
  if (s.dashboard) q.set('dash', s.dashboard);
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';').replace(/%7E/g, '~');
}
