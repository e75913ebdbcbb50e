/** Energy and water intensity of one plant as an index (2015 = 100), with the −18% / −23% targets as reference lines. */

import { BASELINE_YEAR, intensity } from '../../../server/domain/intensity.ts';
import type { EnterpriseDetail } from '../../../server/http/schemas/wire.ts';
import { LineChart } from '../charts/LineChart.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import './trend-chart.css';

export function TrendChart({ indicators }: { indicators: EnterpriseDetail['indicators'] }) {
  const { t } = useI18n();
  const base = indicators.find((i) => i.year === BASELINE_YEAR);
  const e0 = base ? intensity(base.energy_tce, base.added_value) : null;
  const w0 = base ? intensity(base.water_m3, base.added_value) : null;
  if (!e0 && !w0) return <p className="muted">{t.noBaseline}</p>;
  const index = (v: number | null, b: number | null) => (v === null || !b ? null : (v / b) * 100);
  return (
    <div className="trend-chart" data-testid="trend-chart">
      <LineChart
        title={t.trend}
        width={360}
        height={160}
        series={[
          {
            label: t.indicatorCols.energyIntensity,
            color: '#d95f02',
            points: indicators.map((i) => ({ x: i.year, y: index(intensity(i.energy_tce, i.added_value), e0) })),
          },
          {
            label: t.indicatorCols.waterIntensity,
            color: '#2166ac',
            points: indicators.map((i) => ({ x: i.year, y: index(intensity(i.water_m3, i.added_value), w0) })),
          },
        ]}
        references={[
          { label: '−18%', y: 82, color: '#d95f02' },
          { label: '−23%', y: 77, color: '#2166ac' },
        ]}
        format={(y) => y.toFixed(0)}
      />
    </div>
  );
}
