/** Drawing, measuring and saving the map, as a keyboard-reachable toolbar over the map. */
import { ACTION_NAMES, type Action } from '../../../server/domain/actions.ts';
import { SECTOR_GROUP_NAMES, type SectorGroup } from '../../../server/domain/sectors.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { geodesicLength } from '../selection/shape-geometry.ts';
import { CHOROPLETH_CLASSES } from './choropleth.ts';
import type { DrawMode } from './draw-tools.ts';
import type { Legend } from './enterprise-style.ts';
import { cellClassLabel } from './level-of-detail/cell-classes.ts';
import type { DrawnEnterprises } from './map-controller.ts';
import { composeMapImage, downloadCanvas, type ImageLegend } from './save-map-image.ts';
import type { ChoroplethState } from './use-choropleth.ts';

interface Props {
  drawMode: DrawMode;
  onDrawMode: (mode: DrawMode) => void;
  radiusKm: number;
  onRadiusKm: (km: number) => void;
  measure: { line: [number, number][]; finished: boolean } | null;
  onClear: () => void;
  legend: Legend | null;
  drawn: DrawnEnterprises | null;
  choroplethLegend: ChoroplethState['legend'];
}

const TOOLS: DrawMode[] = ['polygon', 'rectangle', 'circle', 'measure'];

export function MapToolbar(props: Props) {
  const { t, pick, lang } = useI18n();
  const label: Record<DrawMode, string> = {
    none: '',
    polygon: t.drawPolygon,
    rectangle: t.drawRectangle,
    circle: t.drawCircle,
    measure: t.measure,
  };
  const hint =
    props.drawMode === 'circle'
      ? t.circleHint
      : props.drawMode === 'measure'
        ? t.measureHint
        : props.drawMode === 'none'
          ? null
          : t.drawHint;

  const save = () => {
    const c = window.__greenline?.controller;
    if (!c) return;
    const legends: ImageLegend[] = [];
    const l = props.legend;
    const drawn = props.drawn;
    if (drawn?.kind === 'cells') {
      legends.push({
        title: t.cellsTitle(drawn.cellKm),
        items: drawn.classes.map((c) => ({ color: c.color, label: cellClassLabel(c, lang === 'zh' ? 'zh-CN' : 'en') })),
      });
    } else if (l?.kind === 'categories') {
      legends.push({
        title: l.of === 'action' ? t.colorByAction : t.colorBySector,
        items: l.items.map((i) => ({
          color: i.color,
          label:
            l.of === 'sector'
              ? pick(SECTOR_GROUP_NAMES[i.id as SectorGroup].zh, SECTOR_GROUP_NAMES[i.id as SectorGroup].en)
              : i.id === 'none'
                ? t.notFlagged
                : pick(ACTION_NAMES[i.id as Action].zh, ACTION_NAMES[i.id as Action].en),
        })),
      });
    } else if (l?.kind === 'ramp') {
      legends.push({
        title: t.indicatorNames[l.column],
        items: [{ color: l.noValue, label: t.noValue }],
        ramp: { colors: l.ramp, from: l.domain[0].toFixed(2), to: l.domain[1].toFixed(2) },
      });
    }
    const ch = props.choroplethLegend;
    if (ch) {
      legends.push({
        title: t.choroplethNames[ch.indicator],
        items: CHOROPLETH_CLASSES[ch.indicator].map((c) => ({
          color: c.color,
          label: c.from === null ? `< ${c.to}%` : c.to === null ? `≥ ${c.from}%` : `${c.from}% – ${c.to}%`,
        })),
      });
    }
    downloadCanvas(
      composeMapImage(c.canvases(), legends, `${t.appTitle} · ${new Date().toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en')}`),
      'greenline-map.png',
    );
  };

  return (
    <div className="map-toolbar" role="toolbar" aria-label={t.drawTools}>
      {TOOLS.map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={props.drawMode === mode}
          className={props.drawMode === mode ? 'active' : ''}
          onClick={() => props.onDrawMode(props.drawMode === mode ? 'none' : mode)}
          data-testid={`draw-${mode}`}
        >
          {label[mode]}
        </button>
      ))}
      <label className="radius">
        {t.radiusKm}
        <input
          type="number"
          min={0.1}
          max={500}
          step={0.1}
          value={props.radiusKm}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v > 0) props.onRadiusKm(v);
          }}
          data-testid="radius-km"
        />
      </label>
      <button type="button" onClick={props.onClear} data-testid="draw-clear">
        {t.clearDrawing}
      </button>
      <button type="button" onClick={save} data-testid="save-image">
        {t.saveImage}
      </button>
      {hint && <span className="hint">{hint}</span>}
      {props.measure && props.measure.line.length > 1 && (
        <output className="measure" data-testid="measure-result">
          {t.distance(geodesicLength(props.measure.line))}
        </output>
      )}
    </div>
  );
}
