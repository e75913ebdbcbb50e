/** The left panel: tabs for filters, layers, the list and the selection (arrow keys move between tabs). */
import { useRef } from 'react';
import type { MapDataState } from '../data/use-map-data.ts';
import type { FilterResult } from '../filter/filter-pass.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { AppState, Tab } from '../state/app-state.ts';
import { update } from '../state/store.ts';
import { FilterPanel } from './filters/FilterPanel.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { ListPanel } from './list/ListPanel.tsx';
import { SelectionPanel } from './SelectionPanel.tsx';

const TABS: Tab[] = ['filters', 'layers', 'list', 'selection'];

interface Props {
  state: AppState;
  mapData: MapDataState;
  result: FilterResult | null;
  onFlyTo: (index: number) => void;
  onListHover: (index: number | null) => void;
  onFitSelection: (bbox: [number, number, number, number]) => void;
}

export function Sidebar({ state, mapData, result, onFlyTo, onListHover }: Props) {
  const { t } = useI18n();
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
        {TABS.map((tab, i) => (
          <button
            key={tab}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={state.tab === tab}
            aria-controls={`panel-${tab}`}
            tabIndex={state.tab === tab ? 0 : -1}
            onClick={() => update({ tab })}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-testid={`tab-${tab}`}
          >
            {t.tabs[tab]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${state.tab}`} aria-labelledby={`tab-${state.tab}`} className="tab-body">
        {state.tab === 'filters' && <FilterPanel state={state} mapData={mapData} result={result} />}
        {state.tab === 'layers' && (
          <LayerPanel state={state} catalogue={mapData.catalogue.status === 'ready' ? mapData.catalogue.value : null} />
        )}
        {state.tab === 'list' && <ListPanel state={state} mapData={mapData} result={result} onFlyTo={onFlyTo} onHover={onListHover} />}
        {state.tab === 'selection' && <SelectionPanel state={state} mapData={mapData} result={result} />}
      </div>
    </aside>
  );
}
