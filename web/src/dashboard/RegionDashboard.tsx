/**
 * A province's or prefecture's progress: energy and water intensity against 2015 with the −18% /
 * −23% targets, added value growth against +6%, steel capacity against its cap, and enterprises by
 * action over time. Each chart saves as PNG and its numbers as CSV.
 */
import { useEffect, useRef, useState } from 'react';
import { ACTION_NAMES, ACTIONS } from '../../../server/domain/actions.ts';
import type { RegionProgress } from '../../../server/domain/targets/region-progress.ts';
import { type Catalogue, getJson } from '../api/client.ts';
import { LineChart, type Reference, type Series } from '../charts/LineChart.tsx';
import { downloadCsv, rowsToCsv, svgToPng } from '../charts/save-chart.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ACTION_LUT } from '../map/enterprise-style.ts';
import { hex } from '../map/palette.ts';

type Progress = RegionProgress & { name: string; name_en: string | null };
type ActionYears = { year: number; counts: Record<string, number> }[];

function ChartCard({
  name,
  children,
  csv,
}: {
  name: string;
  children: (ref: React.Ref<SVGSVGElement>) => React.ReactNode;
  csv: () => string;
}) {
  const { t } = useI18n();
  const ref = useRef<SVGSVGElement>(null);
  return (
    <figure className="chart-card" data-testid={`chart-${name}`}>
      {children(ref)}
      <figcaption>
        <button type="button" onClick={() => ref.current && svgToPng(ref.current, `greenline-${name}.png`)} data-testid={`png-${name}`}>
          {t.savePng}
        </button>
        <button type="button" onClick={() => downloadCsv(csv(), `greenline-${name}.csv`)} data-testid={`csv-${name}`}>
          {t.saveCsv}
        </button>
      </figcaption>
    </figure>
  );
}

export function RegionDashboard({ code, catalogue, onClose }: { code: string; catalogue: Catalogue; onClose: () => void }) {
  const { t, pick, lang } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const [progress, setProgress] = useState<Progress | null | 'error'>(null);
  const [actions, setActions] = useState<ActionYears | null | 'error'>(null);
  useEffect(() => {
    let live = true;
    setProgress(null);
    setActions(null);
    getJson<Progress>(`/api/stats/region/${code}`).then(
      (p) => live && setProgress(p),
      () => live && setProgress('error'),
    );
    // Each year is screened as of its 31 December on the server: the first request takes a while.
    getJson<{ years: ActionYears }>(`/api/stats/actions-over-time?region=${code}&from=2016&to=2024`).then(
      (a) => live && setActions(a.years),
      () => live && setActions('error'),
    );
    return () => {
      live = false;
    };
  }, [code]);
  const region = catalogue.regions.find((r) => r.code === code);
  const title = region ? pick(region.zh, region.en) : code;

  const pct = (y: number) => `${y > 0 ? '+' : ''}${y.toFixed(1)}%`;
  const p = progress && progress !== 'error' ? progress : null;
  const changeSeries = (key: 'energy_change' | 'water_change', label: string, color: string): Series => ({
    label,
    color,
    points: (p?.years ?? []).map((y) => ({ x: y.year, y: y[key] })),
  });
  const refs = (target: { change_percent: number; by: number } | undefined): Reference[] =>
    target ? [{ label: t.targetLine(target.change_percent, target.by), y: target.change_percent, color: '#b2182b' }] : [];

  return (
    <div className="dashboard-backdrop" role="dialog" aria-modal="true" aria-label={t.dashboardFor(title)} data-testid="dashboard">
      <div className="dashboard panel">
        <div className="detail-head">
          <h2>{t.dashboardFor(title)}</h2>
          <button type="button" className="close" onClick={onClose} aria-label={t.close}>
            ×
          </button>
        </div>
        {progress === null && <p className="muted">{t.loading}</p>}
        {progress === 'error' && <p className="error">{t.loadFailed}</p>}
        {p && (
          <div className="chart-grid">
            {(['energy', 'water'] as const).map((k) => {
              const key = k === 'energy' ? 'energy_change' : 'water_change';
              const target = p[k]?.target;
              const name = k === 'energy' ? t.energyIntensity : t.waterIntensity;
              return (
                <ChartCard
                  key={k}
                  name={`${k}-intensity`}
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
                  series={[
                    { label: t.addedValueGrowth, color: '#2166ac', points: p.years.map((y) => ({ x: y.year, y: y.added_value_growth })) },
                  ]}
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
                  series={[
                    { label: t.steelCapacity, color: '#e41a1c', points: p.years.map((y) => ({ x: y.year, y: y.steel_capacity_mt })) },
                  ]}
                  references={
                    p.steel ? [{ label: t.capLine(p.steel.cap.cap_mt, p.steel.cap.by), y: p.steel.cap.cap_mt, color: '#b2182b' }] : []
                  }
                  format={(y) => y.toLocaleString(locale, { maximumFractionDigits: 0 })}
                />
              )}
            </ChartCard>
            <ChartCard
              name="actions"
              csv={() =>
                rowsToCsv(
                  ['year', ...ACTIONS],
                  (actions && actions !== 'error' ? actions : []).map((y) => [y.year, ...ACTIONS.map((a) => y.counts[a] ?? 0)]),
                )
              }
            >
              {(ref) => (
                <>
                  <LineChart
                    ref={ref}
                    title={t.actionsOverTime}
                    series={ACTIONS.map((a, i) => ({
                      label: pick(ACTION_NAMES[a].zh, ACTION_NAMES[a].en),
                      color: hex(ACTION_LUT[i + 1] ?? [0, 0, 0]),
                      points: (actions && actions !== 'error' ? actions : []).map((y) => ({ x: y.year, y: y.counts[a] ?? 0 })),
                    })).filter((s) => s.points.some((pt) => (pt.y ?? 0) > 0))}
                    format={(y) => y.toFixed(0)}
                  />
                  {actions === 'error' && <p className="muted">{t.noData}</p>}
                </>
              )}
            </ChartCard>
          </div>
        )}
      </div>
    </div>
  );
}
