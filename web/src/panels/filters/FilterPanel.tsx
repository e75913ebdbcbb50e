/**
 * Every filter with the count each choice would give, computed in the browser from the same
 * columns the map draws, and one button that clears them all.
 */
import { ACTION_NAMES, ACTIONS } from '../../../../server/domain/actions.ts';
import { INDICATOR_COLUMNS } from '../../../../server/domain/column-payload.ts';
import { EMPTY_FILTER, type FilterState, filterIsEmpty } from '../../../../server/domain/map-filter.ts';
import { ZONE_KINDS } from '../../../../server/domain/zone.ts';
import type { MapDataState } from '../../data/use-map-data.ts';
import type { FilterResult } from '../../filter/filter-pass.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_LUT, producibleActions } from '../../map/enterprise-style.ts';
import { hex } from '../../map/palette.ts';
import { update, useAppState } from '../../state/store.ts';
import { Facet } from './Facet.tsx';
import { RangeFilter } from './RangeFilter.tsx';
import { SectorTree } from './SectorTree.tsx';
import './facet.css';
import './filter-panel.css';

interface Props {
  mapData: MapDataState;
  result: FilterResult | null;
}

export function FilterPanel({ mapData, result }: Props) {
  const { t, pick } = useI18n();
  const f = useAppState((s) => s.filter);
  const year = useAppState((s) => s.year);
  const catalogue = mapData.catalogue.status === 'ready' ? mapData.catalogue.value : null;
  const counts = result?.counts ?? null;
  const set = (patch: Partial<FilterState>) => update((s) => ({ filter: { ...s.filter, ...patch } }));
  const rules =
    mapData.rules.status === 'ready' ? mapData.rules.value.rules : mapData.index.status === 'ready' ? mapData.index.value.rules : [];
  const years = mapData.index.status === 'ready' ? mapData.index.value.years : [];
  // A shared link may still name an action no rule gives: it stays listed so it can be unticked.
  const producible: string[] = producibleActions(rules);
  const waiting = [mapData.profile, mapData.indicators, mapData.rules].some((l) => l.status === 'loading');

  const regionOptions = (catalogue?.regions ?? [])
    .filter((r) => r.level === 'province')
    .flatMap((p) => {
      const prefectures = catalogue?.regions.filter((r) => r.parent === p.code) ?? [];
      const countOf = (code: string) => {
        const i = catalogue?.prefectureOrder.indexOf(code) ?? -1;
        return counts && i >= 0 ? (counts.region[i + 1] as number) : null;
      };
      const sum = counts ? prefectures.reduce((n, r) => n + (countOf(r.code) ?? 0), 0) : null;
      return [
        { id: p.code, label: pick(p.zh, p.en), count: sum },
        ...prefectures.map((r) => ({ id: r.code, label: pick(r.zh, r.en), count: countOf(r.code), depth: 1 })),
      ];
    });

  return (
    <div className="filters">
      <div className="filters-head">
        <h2>{t.filters}</h2>
        <button type="button" onClick={() => update({ filter: EMPTY_FILTER })} disabled={filterIsEmpty(f)} data-testid="clear-filters">
          {t.clearFilters}
        </button>
      </div>
      {waiting && (
        <p className="muted" aria-live="polite">
          {t.loadingColumns}
        </p>
      )}
      <Facet
        title={t.actionsFacet}
        testId="facet-action"
        selected={f.actions}
        onChange={(actions) => set({ actions })}
        options={[
          ...ACTIONS.map((a, i) => ({
            id: a,
            label: pick(ACTION_NAMES[a].zh, ACTION_NAMES[a].en),
            count: counts ? (counts.action[i + 1] as number) : null,
            color: hex(ACTION_LUT[i + 1] ?? [0, 0, 0]),
          })).filter((o) => producible.includes(o.id) || f.actions.includes(o.id)),
          { id: 'none', label: t.notFlagged, count: counts ? (counts.action[0] as number) : null, color: hex(ACTION_LUT[0] ?? [0, 0, 0]) },
        ]}
      />
      {rules.length === 0 ? (
        <fieldset className="facet">
          <legend>{t.rulesFacet}</legend>
          <p className="muted">{mapData.index.status === 'idle' || mapData.index.status === 'loading' ? t.loading : t.noRules}</p>
        </fieldset>
      ) : (
        <Facet
          title={t.rulesFacet}
          testId="facet-rule"
          selected={f.rules}
          onChange={(r) => set({ rules: r })}
          options={rules.map((r, i) => ({
            id: r.rule_id,
            label: `${r.policy} · ${pick(r.title_zh, r.title_en)}`,
            count: counts && counts.rule.length > i ? (counts.rule[i] as number) : null,
          }))}
        />
      )}
      <SectorTree
        counts={mapData.mode === 'server' || mapData.profile.status === 'ready' ? (counts?.sector ?? null) : null}
        selected={f.sectors}
        onChange={(sectors) => set({ sectors })}
      />
      <Facet
        title={t.regionsFacet}
        testId="facet-region"
        selected={f.regions}
        onChange={(regions) => set({ regions })}
        options={regionOptions}
      />
      <Facet
        title={t.statusFacet}
        testId="facet-status"
        selected={f.statuses}
        onChange={(statuses) => set({ statuses })}
        options={(catalogue?.statuses ?? []).map((s, i) => ({
          id: s,
          label: t.statuses[s] ?? s,
          count: counts ? (counts.status[i] as number) : null,
        }))}
      />
      <Facet
        title={t.zonesFacet}
        testId="facet-zone"
        selected={f.zones}
        onChange={(zones) => set({ zones })}
        options={ZONE_KINDS.map((z, i) => ({ id: z, label: t.zoneKinds[z], count: counts ? (counts.zone[i] as number) : null }))}
      />
      <fieldset className="facet">
        <legend>{t.rangesFacet}</legend>
        <label className="year-select">
          {t.year}
          <select
            value={year ?? ''}
            onChange={(e) => update({ year: e.target.value ? Number(e.target.value) : null })}
            data-testid="year-select"
          >
            <option value="">{years.length ? t.latestYear(years[years.length - 1] as number) : '—'}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {INDICATOR_COLUMNS.map((column) => (
          <RangeFilter
            key={column}
            column={column}
            range={f.ranges[column]}
            onChange={(range) => {
              const ranges = { ...f.ranges };
              if (range) ranges[column] = range;
              else delete ranges[column];
              set({ ranges });
            }}
          />
        ))}
      </fieldset>
    </div>
  );
}
