/** Statistics of the drawn selection among the enterprises the filter draws, and its export. */
import { useMemo, useState } from 'react';
import { ACTION_NAMES, ACTIONS } from '../../../server/domain/actions.ts';
import { SECTOR_GROUP_NAMES, SECTOR_GROUPS } from '../../../server/domain/sectors.ts';
import { QUANTITIES, roundForPeople, TOTAL_UNIT, unitByCode } from '../../../server/domain/units.ts';
import { containsBox } from '../data/map-window.ts';
import type { MapDataState } from '../data/use-map-data.ts';
import { EXPORT_FORMATS, type ExportFormat, exportUrl } from '../export/export-url.ts';
import type { FilterResult } from '../filter/filter-pass.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ACTION_LUT } from '../map/enterprise-style.ts';
import { hex } from '../map/palette.ts';
import { type SelectionStats, selectionStats } from '../selection/selection-stats.ts';
import { ringBox, shapeRing } from '../selection/shape-geometry.ts';
import { update, useAppState } from '../state/store.ts';
import './selection-panel.css';

export function SelectionPanel({ mapData, result }: { mapData: MapDataState; result: FilterResult | null }) {
  const { t, pick, lang } = useI18n();
  const shape = useAppState((s) => s.selection);
  const filter = useAppState((s) => s.filter);
  const year = useAppState((s) => s.year);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const { data } = mapData;
  // The server-side map counts a selection over the plants it holds once they include all of it.
  const held = mapData.heldBox;
  const covered = mapData.mode !== 'server' || (shape !== null && held !== null && containsBox(held, ringBox(shapeRing(shape))));
  const stats = useMemo(
    () => (data && shape && covered ? selectionStats(data, result?.visible ?? null, shape) : null),
    [data, shape, result, covered],
  );
  const fmt = (n: number) => roundForPeople(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  /** One line per quantity the group's plants have, in its total unit; then those not added. */
  const capacityLines = (s: SelectionStats, group: number): string[] => {
    if (Number.isNaN(s.capacity[0])) return ['…'];
    const lines = QUANTITIES.flatMap((q, qi) => {
      const total = s.capacity[group * QUANTITIES.length + qi] as number;
      const unit = unitByCode(TOTAL_UNIT[q]);
      return total > 0 && unit ? [`${fmt(total)} ${pick(unit.zh, unit.en)}`] : [];
    });
    const unitless = s.unitless[group] as number;
    if (unitless > 0) lines.push(t.unitlessCapacity(unitless));
    return lines.length ? lines : ['—'];
  };

  const exporter = (
    <div className="export-row">
      <label>
        {t.exportFormat}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={exportUrl(format, filter, year, null)} data-testid="export-view">
        {t.exportView}
      </a>
      {shape && (
        <a className="button" href={exportUrl(format, filter, year, shape)} data-testid="export-selection">
          {t.exportSelection}
        </a>
      )}
    </div>
  );

  if (!shape || !stats) {
    return (
      <div className="selection">
        <h2>{t.tabs.selection}</h2>
        <p className="muted" data-testid={shape && mapData.dense ? 'selection-too-dense' : 'selection-empty'}>
          {shape && mapData.dense ? t.selectionTooDense : shape ? t.loading : t.selectionEmpty}
        </p>
        {exporter}
      </div>
    );
  }
  return (
    <div className="selection" data-testid="selection-stats">
      <h2>{t.tabs.selection}</h2>
      <p>
        <strong data-testid="selection-count">{t.inSelection(stats.count)}</strong>
        <br />
        <span className="muted">{t.area(stats.areaM2 / 1e6)}</span>
      </p>
      <h3>{t.byAction}</h3>
      <table className="stats" data-testid="selection-by-action">
        <tbody>
          {[
            ...ACTIONS.map((a, i) => ({
              id: a,
              label: pick(ACTION_NAMES[a].zh, ACTION_NAMES[a].en),
              n: stats.action[i + 1] as number,
              c: i + 1,
            })),
            { id: 'none', label: t.notFlagged, n: stats.action[0] as number, c: 0 },
          ]
            .filter((r) => r.n > 0)
            .map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="dot" style={{ background: hex(ACTION_LUT[r.c] ?? [0, 0, 0]) }} /> {r.label}
                </td>
                <td className="num">{r.n.toLocaleString()}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h3>{t.bySector}</h3>
      <table className="stats" data-testid="selection-by-sector">
        <thead>
          <tr>
            <th />
            <th className="num">{t.enterprises}</th>
            <th className="num">{t.capacityTotal}</th>
          </tr>
        </thead>
        <tbody>
          {SECTOR_GROUPS.map((g, i) => ({ g, i, n: stats.group[i] as number }))
            .filter((r) => r.n > 0)
            .map((r) => (
              <tr key={r.g}>
                <td>{pick(SECTOR_GROUP_NAMES[r.g].zh, SECTOR_GROUP_NAMES[r.g].en)}</td>
                <td className="num">{r.n.toLocaleString()}</td>
                <td className="num" data-testid={`capacity-${r.g}`}>
                  {capacityLines(stats, r.i).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      {exporter}
      <button type="button" onClick={() => update({ selection: null })} data-testid="clear-selection">
        {t.clearSelection}
      </button>
    </div>
  );
}
