/**
 * The numbers behind a chart as a real table, folded under it: what a screen reader reads instead
 * of the drawing, and what anyone reads to check a point exactly. Years are rows, series columns;
 * the targets and caps the chart draws are in its foot.
 */
import { useI18n } from '../i18n/i18n.tsx';
import type { ChartSpec } from './chart-spec.ts';
import './charts.css';

export function ChartTable({ spec }: { spec: ChartSpec }) {
  const { t } = useI18n();
  return (
    <details className="chart-table" data-testid={`table-${spec.name}`}>
      <summary>{t.chartTableShow}</summary>
      <table>
        <caption>{`${spec.title} · ${spec.axisName}`}</caption>
        <thead>
          <tr>
            <th scope="col">{t.chartYear}</th>
            {spec.series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.years.map((year, i) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {spec.series.map((s) => {
                const v = s.values[i];
                return <td key={s.label}>{v === null || v === undefined ? '—' : spec.value(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
        {spec.references.length > 0 && (
          <tfoot>
            {spec.references.map((r) => (
              <tr key={r.label}>
                <td colSpan={spec.series.length + 1}>{r.label}</td>
              </tr>
            ))}
          </tfoot>
        )}
      </table>
    </details>
  );
}
