/**
 * Keeps the placement of the current labels for the current zoom step, measuring text with the
 * browser's canvas in the font the TextLayer draws with. The map controller asks it for the layer
 * on each render and whether a zoom change needs a new one.
 */
import { LABEL_FONT_FAMILY, LABEL_FONT_WEIGHT, labelLayer } from '../layers/label-layer.ts';
import { type MeasureText, type PlacedLabel, placeLabelsAt, zoomStep } from './label-placement.ts';
import type { PlaceLabel } from './place-labels.ts';

/** Width of a text in pixels at a font size, measured once per text and size. */
export function canvasMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  const widths = new Map<string, number>();
  return (text, size) => {
    const key = `${size}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      // Without a 2D context (never in a browser that draws WebGL), a CJK glyph is about one em wide.
      if (context) context.font = `${LABEL_FONT_WEIGHT} ${size}px ${LABEL_FONT_FAMILY}`;
      width = context ? context.measureText(text).width : text.length * size;
      widths.set(key, width);
    }
    return width;
  };
}

export class LabelPlacer {
  private labels: readonly PlaceLabel[] = [];
  private step = Number.NaN;
  private placed: PlacedLabel[] = [];
  private readonly measure = canvasMeasure();

  /** Whether the map at this zoom needs another placement than the one drawn. */
  stale(zoom: number): boolean {
    return zoomStep(zoom) !== this.step;
  }

  layer(labels: readonly PlaceLabel[], zoom: number) {
    if (labels !== this.labels || this.stale(zoom)) {
      this.labels = labels;
      this.step = zoomStep(zoom);
      this.placed = placeLabelsAt(labels, this.step, this.measure);
    }
    return labelLayer(this.placed);
  }

  /** The labels of the last placement: what the label layer draws (for tests). */
  drawn(): readonly PlacedLabel[] {
    return this.placed;
  }
}
