/**
 * The enterprises the filter draws, as a virtualised list (only the rows in view exist), sorted on
 * the columns the browser holds, and kept in step with the map: choosing a row selects the plant
 * there and flies to it; choosing a plant on the map scrolls its row into view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { INDICATOR_COLUMNS } from '../../../../server/domain/column-payload.ts';
import { indexOfKey } from '../../data/key-index.ts';
import type { MapDataState } from '../../data/use-map-data.ts';
import type { FilterResult } from '../../filter/filter-pass.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { sortedIndices } from '../../list/sorted-indices.ts';
import type { SortKey } from '../../state/app-state.ts';
import { update, useAppState } from '../../state/store.ts';
import { ListRow } from './ListRow.tsx';
import { SearchBox } from './SearchBox.tsx';
import './list-panel.css';

interface Props {
  mapData: MapDataState;
  result: FilterResult | null;
  onFlyTo: (index: number) => void;
  /** To a place by its coordinates: a plant found by search that the page does not hold. */
  onFlyToPlace: (lon: number, lat: number) => void;
  onHover: (index: number | null) => void;
}

const ROW_HEIGHT = 44;

export function ListPanel({ mapData, result, onFlyTo, onFlyToPlace, onHover }: Props) {
  const { t } = useI18n();
  const sort = useAppState((s) => s.sort);
  const enterprise = useAppState((s) => s.enterprise);
  const { data } = mapData;
  const catalogue = mapData.catalogue.status === 'ready' ? mapData.catalogue.value : null;
  const rows = useMemo(() => (data && result ? sortedIndices(data, result.visible, sort.key, sort.desc) : null), [data, result, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = data && enterprise !== null ? indexOfKey(data.points, enterprise) : null;

  useEffect(() => {
    if (selectedIndex === null || !rows) return;
    const at = rows.indexOf(selectedIndex);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedIndex, rows, virtualizer]);

  const select = (index: number) => {
    if (!data) return;
    update({ enterprise: data.points.key[index] as number });
    onFlyTo(index);
  };
  const sortKeys: SortKey[] = ['action', 'sector', 'region', 'capacity', 'key', ...INDICATOR_COLUMNS];
  const sortLabel = (k: SortKey) =>
    k in t.columns ? t.columns[k as keyof typeof t.columns] : t.indicatorNames[k as (typeof INDICATOR_COLUMNS)[number]];

  return (
    <div className="list-panel">
      <SearchBox
        onPick={(e) => {
          if (!data) {
            update({ enterprise: e.key });
            onFlyToPlace(e.lon, e.lat);
            return;
          }
          const index = indexOfKey(data.points, e.key);
          update({ enterprise: e.key });
          if (index !== null) onFlyTo(index);
          // The server-side map may hold only the plants around the view: go to where this one is.
          else onFlyToPlace(e.lon, e.lat);
        }}
      />
      <div className="list-sort">
        <label>
          {t.sortBy}
          <select
            value={sort.key}
            onChange={(e) => update((s) => ({ sort: { ...s.sort, key: e.target.value as SortKey } }))}
            data-testid="sort-key"
          >
            {sortKeys.map((k) => (
              <option key={k} value={k}>
                {sortLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => update((s) => ({ sort: { ...s.sort, desc: !s.sort.desc } }))}
          aria-label={sort.desc ? t.descending : t.ascending}
          data-testid="sort-dir"
        >
          {sort.desc ? '↓' : '↑'}
        </button>
        <span className="muted" data-testid="list-count">
          {rows ? rows.length.toLocaleString() : ''}
        </span>
      </div>
      {mapData.mode === 'server' && (
        <p className="muted" data-testid="list-window-note">
          {data ? t.listWindow : t.listZoomIn}
        </p>
      )}
      {!rows && mapData.mode !== 'server' && <p className="muted">{t.loading}</p>}
      {rows && rows.length === 0 && <p className="muted">{t.listEmpty}</p>}
      {/* Arrow keys move the selection through the rows, Home and End to the ends. */}
      <div
        ref={scroller}
        className="list-scroll"
        role="listbox"
        tabIndex={0}
        aria-label={t.tabs.list}
        aria-activedescendant={selectedIndex !== null ? `row-${selectedIndex}` : undefined}
        onKeyDown={(e) => {
          if (!rows || rows.length === 0) return;
          const at = selectedIndex === null ? -1 : rows.indexOf(selectedIndex);
          const next =
            e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : null;
          if (next === null) return;
          e.preventDefault();
          const clamped = Math.max(0, Math.min(rows.length - 1, next));
          select(rows[clamped] as number);
        }}
        data-testid="enterprise-list"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {data &&
            rows &&
            virtualizer.getVirtualItems().map((item) => {
              const index = rows[item.index] as number;
              return (
                <ListRow
                  key={index}
                  index={index}
                  data={data}
                  catalogue={catalogue}
                  selected={index === selectedIndex}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onSelect={select}
                  onHover={onHover}
                />
              );
            })}
        </div>
      </div>
    </div>
  );
}
