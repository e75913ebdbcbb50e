/** Drawing, measuring and saving the map, as a keyboard-reachable toolbar over the map. */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { PrintButton } from '../print/PrintButton.tsx';
import { geodesicLength } from '../selection/shape-geometry.ts';
import { useAppState } from '../state/store.ts';
import type { DrawMode } from './draw-tools.ts';
import type { Legend } from './enterprise-style.ts';
import { legendBlocks } from './image-legend.ts';
import type { DrawnEnterprises } from './legend-report.ts';
import { SCALE_BAR_MAX_PX, saveMapImage } from './save-map-image.ts';
import { scaleBar } from './scale-bar.ts';
import type { ChoroplethState } from './use-choropleth.ts';
import './map-toolbar.css';

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
  const words = useI18n();
  const { t } = words;
  const hidden = useAppState((st) => st.hidden);
  const [saveError, setSaveError] = useState<string | null>(null);
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
    const { lat } = c.map.getCenter();
    const bar = scaleBar(c.map.getZoom(), lat, SCALE_BAR_MAX_PX);
    const state = { hidden, enterprises: props.legend, drawn: props.drawn, choropleth: props.choroplethLegend };
    setSaveError(null);
    saveMapImage(
      {
        canvases: c.canvases(),
        pixelRatio: window.devicePixelRatio || 1,
        blocks: legendBlocks(state, words),
        scale: { bar, label: t.scaleLength(bar.metres), title: t.scaleAtCentre },
        heading: t.appTitle,
        date: t.savedOn(new Date()),
      },
      'greenline-map.png',
    ).catch((e: unknown) => setSaveError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <div className="map-toolbar" role="toolbar" aria-label={t.drawTools}>
      {TOOLS.map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={props.drawMode === mode}
          className={props.drawMode === mode ? 'button active' : 'button'}
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
      <button type="button" className="button" onClick={props.onClear} data-testid="draw-clear">
        {t.clearDrawing}
      </button>
      <button type="button" className="button" onClick={save} data-testid="save-image">
        {t.saveImage}
      </button>
      <PrintButton layers={{ hidden, enterprises: props.legend, choropleth: props.choroplethLegend }} />
      {saveError && <span className="error" role="alert">{`${t.saveImageFailed}: ${saveError}`}</span>}
      {hint && <span className="hint">{hint}</span>}
      {props.measure && props.measure.line.length > 1 && (
        <output className="measure" data-testid="measure-result">
          {t.distance(geodesicLength(props.measure.line))}
        </output>
      )}
    </div>
  );
}
