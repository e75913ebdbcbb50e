/**
 * Places labels so that no two overlap, the higher priority first (greedy, as MapLibre's collision
 * index does). Labels have a fixed size in pixels while the distances between them grow with the
 * zoom, so whether two overlap depends on the zoom alone, not on where the map is panned: one
 * placement per zoom step serves every view at that step, and labels do not flicker while panning.
 * Placed at the bottom of a step, labels only move apart until the next one.
 *
 * deck.gl's CollisionFilterExtension was the other candidate; its shader keeps a label when the
 * pixels round its anchor are its own in the collision map, so two labels whose boxes overlap away
 * from both anchors are both drawn. Here whole boxes are tested.
 */
import { latToY, lonToX } from '../../../../server/domain/geometry/mercator.ts';
import { FADE_ZOOMS, type PlaceLabel } from './place-labels.ts';

/** Placements are made for zooms in steps of a quarter. */
export const ZOOM_STEP = 0.25;
/** Pixels kept clear round each label, besides its white halo. */
export const LABEL_PADDING = 3;
/** The halo (TextLayer outline) round the glyphs, in pixels. */
export const HALO = 2;

export type MeasureText = (text: string, size: number) => number;

export interface PlacedLabel extends PlaceLabel {
  /** 0 … 1: fading in after minZoom. */
  opacity: number;
  /** Width and height of the text box in pixels, halo included (without the padding). */
  width: number;
  height: number;
}

export const zoomStep = (zoom: number) => Math.floor(zoom / ZOOM_STEP) * ZOOM_STEP;

/** Opacity at a zoom: from 0.25 at minZoom up to 1 over FADE_ZOOMS; 0 outside [minZoom, maxZoom). */
export function fadeAt(label: Pick<PlaceLabel, 'minZoom' | 'maxZoom'>, zoom: number): number {
  if (zoom < label.minZoom || zoom >= label.maxZoom) return 0;
  return Math.min(1, 0.25 + (0.75 * (zoom - label.minZoom)) / FADE_ZOOMS);
}

/** The box a label's text takes on screen, centred on its position. */
export function labelBox(text: string, size: number, measure: MeasureText): { width: number; height: number } {
  return { width: measure(text, size) + 2 * HALO, height: size * 1.2 + 2 * HALO };
}

/** West, north, east, south edges of a box in world pixels at the zoom placed at. */
type ScreenBox = [x0: number, y0: number, x1: number, y1: number];

/** A uniform grid over placed boxes in world pixels; a box is looked up in the cells it covers. */
class BoxGrid {
  private readonly cells = new Map<number, ScreenBox[]>();
  constructor(private readonly cell: number) {}

  /** Cell keys: up to 2^24 columns (zoom 22 with 128-pixel cells), still exact in a double. */
  private key(cx: number, cy: number): number {
    return cx * 2 ** 27 + cy;
  }

  hits(b: ScreenBox): boolean {
    const [x0, y0, x1, y1] = b;
    for (let cx = Math.floor(x0 / this.cell); cx <= Math.floor(x1 / this.cell); cx++) {
      for (let cy = Math.floor(y0 / this.cell); cy <= Math.floor(y1 / this.cell); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const o of list)
          if (x0 < (o[2] as number) && (o[0] as number) < x1 && y0 < (o[3] as number) && (o[1] as number) < y1) return true;
      }
    }
    return false;
  }

  add(b: ScreenBox): void {
    const [x0, y0, x1, y1] = b;
    for (let cx = Math.floor(x0 / this.cell); cx <= Math.floor(x1 / this.cell); cx++) {
      for (let cy = Math.floor(y0 / this.cell); cy <= Math.floor(y1 / this.cell); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(b);
        else this.cells.set(k, [b]);
      }
    }
  }
}

/**
 * The labels shown at a zoom step, none overlapping another with its padding: by priority, then by
 * the order given (stable). Labels outside their zoom range are left out before placing.
 */
export function placeLabelsAt(labels: readonly PlaceLabel[], zoom: number, measure: MeasureText): PlacedLabel[] {
  const scale = 512 * 2 ** zoom;
  const order = labels
    .map((l, i) => ({ l, i, opacity: fadeAt(l, zoom) }))
    .filter((c) => c.opacity > 0)
    .sort((a, b) => b.l.priority - a.l.priority || a.i - b.i);
  const grid = new BoxGrid(128);
  const placed: PlacedLabel[] = [];
  for (const { l, opacity } of order) {
    const { width, height } = labelBox(l.text, l.size, measure);
    const x = lonToX(l.position[0]) * scale;
    const y = latToY(l.position[1]) * scale;
    const box: ScreenBox = [
      x - width / 2 - LABEL_PADDING,
      y - height / 2 - LABEL_PADDING,
      x + width / 2 + LABEL_PADDING,
      y + height / 2 + LABEL_PADDING,
    ];
    if (grid.hits(box)) continue;
    grid.add(box);
    placed.push({ ...l, opacity, width, height });
  }
  return placed;
}
