/** The left panel: tabs for filters, layers, the list and the selection (arrow keys move between tabs). */
import { useRef } from 'react';
import type { MapDataState } from '../data/use-map-data.ts';
import type { FilterResult } from '../filter/filter-pass.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Tab } from '../state/app-state.ts';
import { update, useAppState } from '../state/store.ts';
import { FilterPanel } from './filters/FilterPanel.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { ListPanel } from './list/ListPanel.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';
import './sidebar.css';

const TABS: Tab[] = ['filters', 'layers', 'list', 'selection'];

interface Props {
  mapData: MapDataState;
  result: FilterResult | null;
  onFlyTo: (index: number) => void;
  onFlyToPlace: (lon: number, lat: number) => void;
  onListHover: (index: number | null) => void;
  onFitSelection: (bbox: [number, number, number, number]) => void;
}

export function Sidebar({ mapData, result, onFlyTo, onFlyToPlace, onListHover }: Props) {
  const { t } = useI18n();
  const tab = useAppState((s) => s.tab);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: React.KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (i + step + TABS.length) % TABS.length;
    update({ tab: TABS[next] as Tab });
    tabs.current[next]?.focus();
  };
  return (
    <aside className="sidebar panel">
      <div role="tablist" aria-label={t.filters} className="tabs">
        {TABS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => update({ tab: id })}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`tab-${id}`}
          >
            {t.tabs[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === 'filters' && <FilterPanel mapData={mapData} result={result} />}
        {tab === 'layers' && <LayerPanel catalogue={mapData.catalogue.status === 'ready' ? mapData.catalogue.value : null} />}
        {tab === 'list' && (
          <ListPanel mapData={mapData} result={result} onFlyTo={onFlyTo} onFlyToPlace={onFlyToPlace} onHover={onListHover} />
        )}
        {tab === 'selection' && <SelectionPanel mapData={mapData} result={result} />}
      </div>
    </aside>
  );
}
