/**
 * A province's or prefecture's progress: energy and water intensity against 2015 with the −18% /
 * −23% targets, added value growth against +6%, steel capacity against its cap, and enterprises by
 * action over time. Each chart saves as PNG and its numbers as CSV. Each of its two requests shows
 * its own loading, error and empty states (DataState).
 */
import { useRef } from 'react';
import { ACTION_NAMES, ACTIONS } from '../../../server/domain/actions.ts';
import type { Catalogue } from '../api/client.ts';
import { LineChart, type Reference, type Series } from '../charts/LineChart.tsx';
import { downloadCsv, rowsToCsv, svgToPng } from '../charts/save-chart.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ACTION_LUT } from '../map/enterprise-style.ts';
import { hex } from '../map/palette.ts';
import { DataState } from './DataState.tsx';
import { ACTION_YEARS, type ActionYears, type Progress, useRegionDashboard } from './use-region-dashboard.ts';
import '../panels/drawer.css';
import './dashboard.css';

function ChartCard({
  name,
  region,
  children,
  csv,
  ready = true,
}: {
  name: string;
  /** Whose chart it is, for the saved image's heading. */
  region: string;
  children: (ref: React.Ref<SVGSVGElement>) => React.ReactNode;
  csv: () => string;
  /** Whether the chart is drawn: until then there is nothing to save. */
  ready?: boolean;
}) {
  const { t } = useI18n();
  const ref = useRef<SVGSVGElement>(null);
  return (
    <figure className="chart-card" data-testid={`chart-${name}`}>
      {children(ref)}
      <figcaption>
        <button
          type="button"
          disabled={!ready}
          onClick={() => ref.current && svgToPng(ref.current, `greenline-${name}.png`, { region, date: t.savedOn(new Date()) })}
          data-testid={`png-${name}`}
        >
          {t.savePng}
        </button>
        <button type="button" disabled={!ready} onClick={() => downloadCsv(csv(), `greenline-${name}.csv`)} data-testid={`csv-${name}`}>
          {t.saveCsv}
        </button>
      </figcaption>
    </figure>
  );
}

type Props = { code: string; catalogue: Catalogue; onClose: () => void };

export function RegionDashboard(props: Props) {
  // Keyed by the code: another region starts from its own loading states, never from the last one's charts.
  return <RegionDashboardPanel key={props.code} {...props} />;
}

function RegionDashboardPanel({ code, catalogue, onClose }: Props) {
  const { t, pick } = useI18n();
  const { progress, actions } = useRegionDashboard(code);
  const region = catalogue.regions.find((r) => r.code === code);
  const loaded = progress[0].status === 'ready' ? progress[0].value : null;
  const title = region ? pick(region.zh, region.en) : loaded ? pick(loaded.name, loaded.name_en ?? loaded.name) : t.regionByCode(code);

  return (
    <div className="dashboard-backdrop" role="dialog" aria-modal="true" aria-label={t.dashboardFor(title)} data-testid="dashboard">
      <div className="dashboard panel">
        <div className="detail-head">
          <h2>{t.dashboardFor(title)}</h2>
          <button type="button" className="close" onClick={onClose} aria-label={t.close}>
            ×
          </button>
        </div>
        <DataState state={progress[0]} retry={progress[1]} name={t.dashboardFor(title)} testId="progress-state">
          {(p) => <ProgressCharts p={p} region={title} />}
        </DataState>
        <div className="chart-grid">
          <ActionsCard state={actions} region={title} />
        </div>
      </div>
    </div>
  );
}

function ProgressCharts({ p, region }: { p: Progress; region: string }) {
  const { t, lang } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const pct = (y: number) => `${y > 0 ? '+' : ''}${y.toFixed(1)}%`;
  const changeSeries = (key: 'energy_change' | 'water_change', label: string, color: string): Series => ({
    label,
    color,
    points: p.years.map((y) => ({ x: y.year, y: y[key] })),
  });
  const refs = (target: { change_percent: number; by: number } | undefined): Reference[] =>
    target ? [{ label: t.targetLine(target.change_percent, target.by), y: target.change_percent, color: '#b2182b' }] : [];

  return (
    <div className="chart-grid">
      {(['energy', 'water'] as const).map((k) => {
        const key = k === 'energy' ? 'energy_change' : 'water_change';
        const target = p[k]?.target;
        const name = k === 'energy' ? t.energyIntensity : t.waterIntensity;
        return (
          <ChartCard
            key={k}
            name={`${k}-intensity`}
            region={region}
            csv={() =>
              rowsToCsv(
                ['year', `${k}_intensity`, `${k}_change_vs_2015_pct`, 'target_pct', 'target_year'],
                p.years.map((y) => [y.year, y[`${k}_intensity`], y[key], target?.change_percent, target?.by]),
              )
            }
          >
            {(ref) => (
              <>
                <LineChart
                  ref={ref}
                  title={`${name} ${t.vsBaselineLabel}`}
                  series={[changeSeries(key, name, '#1b7a4a')]}
                  references={refs(target)}
                  format={pct}
                />
                {/* The data is here: "no data" now is an answer, not a placeholder. */}
                <p className={p[k]?.met ? 'ok' : 'bad'} data-testid={`progress-${k}`}>
                  {p[k]?.change === null || !p[k]
                    ? t.noData
                    : `${p[k]?.year}: ${pct(p[k]?.change as number)} · ${p[k]?.met ? t.onTrack : t.offTrack}`}
                </p>
              </>
            )}
          </ChartCard>
        );
      })}
      <ChartCard
        name="added-value"
        region={region}
        csv={() =>
          rowsToCsv(
            ['year', 'added_value_10k_cny', 'growth_vs_previous_pct'],
            p.years.map((y) => [y.year, y.added_value, y.added_value_growth]),
          )
        }
      >
        {(ref) => (
          <LineChart
            ref={ref}
            title={`${t.addedValueGrowth} ${t.growthVsPrevious}`}
            series={[{ label: t.addedValueGrowth, color: '#2166ac', points: p.years.map((y) => ({ x: y.year, y: y.added_value_growth })) }]}
            references={
              p.growth
                ? [
                    {
                      label: t.targetLine(p.growth.target.change_percent, p.growth.target.year),
                      y: p.growth.target.change_percent,
                      color: '#b2182b',
                    },
                  ]
                : []
            }
            format={pct}
          />
        )}
      </ChartCard>
      <ChartCard
        name="steel"
        region={region}
        csv={() =>
          rowsToCsv(
            ['year', 'steel_capacity_mt', 'cap_mt'],
            p.years.map((y) => [y.year, y.steel_capacity_mt, p.steel?.cap.cap_mt]),
          )
        }
      >
        {(ref) => (
          <LineChart
            ref={ref}
            title={t.steelCapacity}
            series={[{ label: t.steelCapacity, color: '#e41a1c', points: p.years.map((y) => ({ x: y.year, y: y.steel_capacity_mt })) }]}
            references={p.steel ? [{ label: t.capLine(p.steel.cap.cap_mt, p.steel.cap.by), y: p.steel.cap.cap_mt, color: '#b2182b' }] : []}
            format={(y) => y.toLocaleString(locale, { maximumFractionDigits: 0 })}
          />
        )}
      </ChartCard>
    </div>
  );
}

/** Actions with at least one enterprise in some year, as chart series. */
function actionSeries(years: ActionYears, pick: (zh: string, en: string) => string): Series[] {
  return ACTIONS.map((a, i) => ({
    label: pick(ACTION_NAMES[a].zh, ACTION_NAMES[a].en),
    color: hex(ACTION_LUT[i + 1] ?? [0, 0, 0]),
    points: years.map((y) => ({ x: y.year, y: y.counts[a] ?? 0 })),
  })).filter((s) => s.points.some((pt) => (pt.y ?? 0) > 0));
}

function ActionsCard({ state: [state, retry], region }: { state: ReturnType<typeof useRegionDashboard>['actions']; region: string }) {
  const { t, pick } = useI18n();
  const years = state.status === 'ready' ? state.value : [];
  const series = actionSeries(years, pick);
  return (
    <ChartCard
      name="actions"
      region={region}
      ready={series.length > 0}
      csv={() =>
        rowsToCsv(
          ['year', ...ACTIONS],
          years.map((y) => [y.year, ...ACTIONS.map((a) => y.counts[a] ?? 0)]),
        )
      }
    >
      {(ref) => (
        <DataState
          state={state}
          retry={retry}
          name={t.actionsOverTime}
          hint={t.actionsScreening}
          empty={(value) => (actionSeries(value, pick).length === 0 ? t.noActionsInYears(ACTION_YEARS.from, ACTION_YEARS.to) : null)}
          testId="actions-state"
        >
          {() => (
            // Taller than the others: up to eleven actions are named at their line ends.
            <LineChart ref={ref} title={t.actionsOverTime} series={series} height={240} format={(y) => y.toFixed(0)} />
          )}
        </DataState>
      )}
    </ChartCard>
  );
}
