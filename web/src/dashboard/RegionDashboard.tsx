/**
 * A province's or prefecture's progress: energy and water intensity against 2015 with the −18% /
 * −23% targets, added value growth against +6%, steel capacity against its cap, and enterprises by
 * action over time. ECharts draws them (chart-specs.ts says what each shows); each has its numbers
 * as a table under it, and saves as PNG and its numbers as CSV. Each of its two requests shows its
 * own loading, error and empty states (DataState).
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ACTIONS } from '../../../server/domain/actions.ts';
import type { Catalogue } from '../api/client.ts';
import { ChartTable } from '../charts/ChartTable.tsx';
import { chartSvg, drawChartSvg } from '../charts/chart-svg.ts';
import { EChart } from '../charts/EChart.tsx';
import type { EchartsSvg } from '../charts/load-echarts.ts';
import { downloadCsv, rowsToCsv, svgToPng } from '../charts/save-chart.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { provideDashboardCharts } from '../print/chart-pages.ts';
import { actionsSpec, progressSpecs } from './chart-specs.ts';
import { DataState } from './DataState.tsx';
import { ACTION_YEARS, type ActionYears, type Progress, useRegionDashboard } from './use-region-dashboard.ts';
import '../panels/drawer.css';
import './dashboard.css';

function ChartCard({
  name,
  title,
  region,
  csv,
  wide = false,
  children,
}: {
  name: string;
  title: string;
  /** Whose chart it is, for the saved image's heading. */
  region: string;
  csv: () => string;
  /** Across the whole dashboard: the year-by-year chart, whose lines are named at their ends. */
  wide?: boolean;
  /** The chart, told how to say it is drawn: until then there is nothing to save. */
  children: (onDrawn: (drawn: boolean) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [drawn, setDrawn] = useState(false);
  const savePng = () => {
    const svg = chartSvg(name);
    if (svg) void svgToPng(svg, `greenline-${name}.png`, { title, region, date: t.savedOn(new Date()) });
  };
  return (
    <figure className={wide ? 'chart-card wide' : 'chart-card'} data-testid={`chart-${name}`}>
      <h3 className="chart-title">{title}</h3>
      {children(setDrawn)}
      <figcaption>
        <button type="button" disabled={!drawn} onClick={savePng} data-testid={`png-${name}`}>
          {t.savePng}
        </button>
        <button type="button" disabled={!drawn} onClick={() => downloadCsv(csv(), `greenline-${name}.csv`)} data-testid={`csv-${name}`}>
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
  const loaded = progress[0].status === 'ready' ? progress[0].value.data : null;
  const title = region ? pick(region.zh, region.en) : loaded ? pick(loaded.name, loaded.name_en ?? loaded.name) : t.regionByCode(code);
  usePrintableCharts(progress[0], actions[0], title);

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
          {({ data, charts }) => <ProgressCharts p={data} charts={charts} region={title} />}
        </DataState>
        <div className="chart-grid">
          <ActionsCard state={actions} region={title} />
        </div>
      </div>
    </div>
  );
}

/** Print size of a dashboard chart on a PDF page, in CSS pixels (drawn as SVG, so any size is sharp). */
const PRINT_CHART = { width: 1200, height: 420 };

/**
 * Once the dashboard's data has loaded, offers its charts to the print dialog, drawn from that
 * data: they stay printable after the dashboard is closed, until another dashboard replaces them.
 */
function usePrintableCharts(
  progress: ReturnType<typeof useRegionDashboard>['progress'][0],
  actions: ReturnType<typeof useRegionDashboard>['actions'][0],
  region: string,
) {
  const { t, lang } = useI18n();
  const p = progress.status === 'ready' ? progress.value.data : null;
  const years = actions.status === 'ready' ? actions.value.data : null;
  useEffect(() => {
    if (!p && !years) return;
    const specs = [...(p ? progressSpecs(p, t, lang) : []), ...(years ? [actionsSpec(years, t, lang)] : [])].filter(
      (s): s is NonNullable<typeof s> => s !== null,
    );
    if (specs.length === 0) return;
    provideDashboardCharts(() => Promise.all(specs.map((s) => drawChartSvg(s, PRINT_CHART.width, PRINT_CHART.height))), region);
  }, [p, years, t, lang, region]);
}

/** Each progress chart's CSV: its own columns, with the target or cap it is measured against. */
function progressCsv(p: Progress, name: string): string {
  if (name === 'added-value') {
    return rowsToCsv(
      ['year', 'added_value_10k_cny', 'growth_vs_previous_pct'],
      p.years.map((y) => [y.year, y.added_value, y.added_value_growth]),
    );
  }
  if (name === 'steel') {
    return rowsToCsv(
      ['year', 'steel_capacity_mt', 'cap_mt'],
      p.years.map((y) => [y.year, y.steel_capacity_mt, p.steel?.cap.cap_mt]),
    );
  }
  const k = name === 'energy-intensity' ? 'energy' : 'water';
  const target = p[k]?.target;
  return rowsToCsv(
    ['year', `${k}_intensity`, `${k}_change_vs_2015_pct`, 'target_pct', 'target_year'],
    p.years.map((y) => [y.year, y[`${k}_intensity`], y[`${k}_change`], target?.change_percent, target?.by]),
  );
}

function ProgressCharts({ p, charts, region }: { p: Progress; charts: EchartsSvg; region: string }) {
  const { t, lang } = useI18n();
  const specs = useMemo(() => progressSpecs(p, t, lang), [p, t, lang]);
  const pct = (y: number) => `${y > 0 ? '+' : ''}${y.toFixed(1)}%`;
  return (
    <div className="chart-grid">
      {specs.map((spec) => {
        const k = spec.name === 'energy-intensity' ? 'energy' : spec.name === 'water-intensity' ? 'water' : null;
        const progress = k ? p[k] : null;
        return (
          <ChartCard key={spec.name} name={spec.name} title={spec.title} region={region} csv={() => progressCsv(p, spec.name)}>
            {(onDrawn) => (
              <>
                <EChart charts={charts} spec={spec} onDrawn={onDrawn} />
                {/* The data is here: "no data" now is an answer, not a placeholder. */}
                {k && (
                  <p className={progress?.met ? 'ok' : 'bad'} data-testid={`progress-${k}`}>
                    {progress?.change === null || !progress
                      ? t.noData
                      : `${progress.year}: ${pct(progress.change)} · ${progress.met ? t.onTrack : t.offTrack}`}
                  </p>
                )}
                <ChartTable spec={spec} />
              </>
            )}
          </ChartCard>
        );
      })}
    </div>
  );
}

function ActionsCard({ state: [state, retry], region }: { state: ReturnType<typeof useRegionDashboard>['actions']; region: string }) {
  const { t, lang } = useI18n();
  const years = state.status === 'ready' ? state.value.data : [];
  return (
    <ChartCard
      name="actions"
      title={t.actionsOverTime}
      region={region}
      wide
      csv={() =>
        rowsToCsv(
          ['year', ...ACTIONS],
          years.map((y) => [y.year, ...ACTIONS.map((a) => y.counts[a] ?? 0)]),
        )
      }
    >
      {(onDrawn) => (
        <DataState
          state={state}
          retry={retry}
          name={t.actionsOverTime}
          hint={t.actionsScreening}
          empty={(value) => (actionsSpec(value.data, t, lang) ? null : t.noActionsInYears(ACTION_YEARS.from, ACTION_YEARS.to))}
          testId="actions-state"
        >
          {({ data, charts }) => <ActionsChart years={data} charts={charts} onDrawn={onDrawn} />}
        </DataState>
      )}
    </ChartCard>
  );
}

function ActionsChart({ years, charts, onDrawn }: { years: ActionYears; charts: EchartsSvg; onDrawn: (drawn: boolean) => void }) {
  const { t, lang } = useI18n();
  const spec = useMemo(() => actionsSpec(years, t, lang), [years, t, lang]);
  // DataState shows the empty sentence instead when no action has an enterprise.
  if (!spec) return null;
  return (
    <>
      <EChart charts={charts} spec={spec} onDrawn={onDrawn} />
      <ChartTable spec={spec} />
    </>
  );
}
