/** The enterprise drawer: identity, flags explained, indicator trend against the 2015 baseline, equipment, compliance. */
import type { Catalogue } from '../api/client.ts';
import type { DetailState } from '../data/use-enterprise-detail.ts';
import { formatCapacity } from '../i18n/format-capacity.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FlagList } from './FlagList.tsx';
import { TrendChart } from './TrendChart.tsx';
import './drawer.css';
import './detail-panel.css';

interface Props {
  state: Exclude<DetailState, { status: 'idle' }>;
  catalogue: Catalogue | null;
  onClose: () => void;
}

const intensity = (num: number | null, den: number | null) => (num !== null && den ? num / den : null);

function fmt(value: number | null, digits = 0, locale = 'zh-CN'): string {
  return value === null ? '—' : value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function change(now: number | null, base: number | null): string {
  if (now === null || base === null || base === 0) return '—';
  const pct = ((now - base) / base) * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

export function DetailPanel({ state, catalogue, onClose }: Props) {
  const { t, lang, pick } = useI18n();
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const detail = state.status === 'ready' ? state.value : null;
  const loading = state.status === 'loading';
  const error = state.status === 'error' ? state.error.message : null;
  const sectorName = (code: string) => {
    const s =
      catalogue?.sectors.find((x) => x.code === code) ?? catalogue?.sectors.find((x) => code.startsWith(x.code) && x.code.length >= 3);
    return s ? `${code} ${pick(s.zh, s.en)}` : code;
  };
  const regionName = (code: string | null) => {
    if (!code) return t.unknown;
    const r = catalogue?.regions.find((x) => x.code === code);
    return r ? `${pick(r.zh, r.en)} (${code})` : code;
  };
  const yesNo = (v: boolean | null) => (v === null ? t.unknown : v ? t.yes : t.no);
  const base = detail?.indicators.find((i) => i.year === 2015) ?? null;
  const baseEnergy = base ? intensity(base.energy_tce, base.added_value) : null;
  const baseWater = base ? intensity(base.water_m3, base.added_value) : null;

  return (
    <aside className="panel detail" aria-label={t.detail} data-testid="detail-panel">
      <div className="detail-head">
        <h2>{detail ? pick(detail.name, (detail.attributes?.name_en as string | undefined) ?? null) : t.detail}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </div>
      {loading && <p className="muted">{t.loading}</p>}
      {error && <p className="error">{`${t.loadFailed}: ${error}`}</p>}
      {detail && (
        <>
          <dl className="facts">
            <dt>{t.fields.id}</dt>
            <dd>{detail.id}</dd>
            <dt>{t.fields.creditCode}</dt>
            <dd>{detail.credit_code ?? '—'}</dd>
            <dt>{t.fields.sector}</dt>
            <dd data-testid="detail-sector">{sectorName(detail.sector)}</dd>
            <dt>{t.fields.region}</dt>
            <dd>{regionName(detail.region_code)}</dd>
            <dt>{t.fields.status}</dt>
            <dd>{t.statuses[detail.status] ?? detail.status}</dd>
            <dt>{t.fields.commissioned}</dt>
            <dd>{detail.commissioned_year ?? '—'}</dd>
            <dt>{t.fields.capacity}</dt>
            <dd>{detail.capacity === null ? '—' : formatCapacity(detail.capacity, detail.capacity_unit, lang)}</dd>
            <dt>{t.fields.coordinates}</dt>
            <dd>
              {detail.lon.toFixed(5)}, {detail.lat.toFixed(5)} ({t.accuracies[detail.location_accuracy]})
            </dd>
            <dt>{t.fields.aboveScale}</dt>
            <dd>{yesNo(detail.above_scale)}</dd>
            <dt>{t.fields.inPark}</dt>
            <dd>{yesNo(detail.in_park)}</dd>
            {detail.scattered_dirty && (
              <>
                <dt>{t.fields.scatteredDirty}</dt>
                <dd>{t.yes}</dd>
              </>
            )}
            {detail.green_factory && (
              <>
                <dt>{t.fields.greenFactory}</dt>
                <dd>{t.yes}</dd>
              </>
            )}
          </dl>

          <h3>{t.flags}</h3>
          <FlagList flags={detail.flags ?? []} />

          <h3>{t.indicators}</h3>
          <TrendChart indicators={detail.indicators} />
          {detail.indicators.length === 0 ? (
            <p className="muted">{t.noIndicators}</p>
          ) : (
            <div className="table-scroll" data-testid="indicator-table">
              <table className="indicators">
                <thead>
                  <tr>
                    <th>{t.indicatorCols.year}</th>
                    <th>{t.indicatorCols.energy}</th>
                    <th>{t.indicatorCols.addedValue}</th>
                    <th>{t.indicatorCols.energyIntensity}</th>
                    <th>{t.vsBaseline}</th>
                    <th>{t.indicatorCols.waterIntensity}</th>
                    <th>{t.vsBaseline}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.indicators.map((row) => {
                    const e = intensity(row.energy_tce, row.added_value);
                    const w = intensity(row.water_m3, row.added_value);
                    return (
                      <tr key={row.year}>
                        <td>{row.year}</td>
                        <td>{fmt(row.energy_tce, 0, locale)}</td>
                        <td>{fmt(row.added_value, 0, locale)}</td>
                        <td>{fmt(e, 3, locale)}</td>
                        <td>{change(e, baseEnergy)}</td>
                        <td>{fmt(w, 2, locale)}</td>
                        <td>{change(w, baseWater)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          <h3>{t.equipment}</h3>
          {detail.equipment.length === 0 ? (
            <p className="muted">{t.noEquipment}</p>
          ) : (
            <ul className="plain">
              {detail.equipment.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list; two identical furnaces are two rows.
                <li key={i}>
                  {t.equipmentKinds[e.kind] ?? e.kind} · {e.size ?? '—'} {e.unit ?? ''} × {e.count}
                </li>
              ))}
            </ul>
          )}

          <h3>{t.compliance}</h3>
          {detail.compliance.length === 0 ? (
            <p className="muted">{t.noCompliance}</p>
          ) : (
            <ul className="plain">
              {detail.compliance.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list in assessment order.
                <li key={i} className={c.passed ? 'ok' : 'bad'}>
                  {c.assessed_on} · {t.standards[c.standard] ?? c.standard} · {c.passed ? t.passed : t.failed}
                  {c.rectify_by ? ` · ${t.rectifyBy} ${c.rectify_by}` : ''}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
