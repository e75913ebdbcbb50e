/**
 * Everything that decides what the planner sees, kept in the URL (url-codec.ts) so a reload or a
 * shared link reproduces the view exactly. Components read it through the store (store.ts).
 */
import type { IndicatorColumn } from '../../../server/domain/column-payload.ts';
import type { Shape } from '../../../server/domain/geometry/shape.ts';
import { EMPTY_FILTER, type FilterState } from '../../../server/domain/map-filter.ts';
import type { Lang } from '../i18n/messages.ts';

export interface View {
  lon: number;
  lat: number;
  zoom: number;
}

export type { Shape };

export type ColorBy = 'action' | 'sector' | IndicatorColumn;
export type SizeBy = 'fixed' | 'capacity';
export type LayerId =
  | 'enterprises'
  | 'nature_reserve'
  | 'built_up'
  | 'river_basin'
  | 'key_region'
  | 'industrial_park'
  | 'prefectures'
  | 'labels'
  | 'choropleth';
export type ChoroplethIndicator = 'energy_change' | 'water_change' | 'added_value_growth' | 'flagged_share';
export type SortKey = 'key' | 'action' | 'sector' | 'region' | 'capacity' | IndicatorColumn;
export type Tab = 'filters' | 'layers' | 'list' | 'selection';

export interface AppState {
  lang: Lang;
  /** null: fit the demo provinces. */
  view: View | null;
  /** Indicator year; null: the latest with data. */
  year: number | null;
  filter: FilterState;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Heat map instead of points when zoomed out. */
  aggregate: boolean;
  hidden: LayerId[];
  opacity: Partial<Record<LayerId, number>>;
  choropleth: ChoroplethIndicator;
  basemap: string;
  selection: Shape | null;
  /** Key of the enterprise in the detail drawer. */
  enterprise: number | null;
  tab: Tab;
  sort: { key: SortKey; desc: boolean };
  /** Region code whose dashboard is open. */
  dashboard: string | null;
}

export const DEFAULT_STATE: AppState = {
  lang: 'zh',
  view: null,
  year: null,
  filter: EMPTY_FILTER,
  colorBy: 'action',
  sizeBy: 'fixed',
  aggregate: true,
  hidden: ['choropleth'],
  opacity: {},
  choropleth: 'energy_change',
  basemap: 'offline',
  selection: null,
  enterprise: null,
  tab: 'filters',
  sort: { key: 'action', desc: false },
  dashboard: null,
};
