/**
 * Which plants the server-side map keeps in the browser (README, "The map at national scale"): those
 * inside a window around the view, and around a drawn selection, from the zoom at which plants are
 * drawn one by one. The page runs its own filter, list, selection statistics and picking over them,
 * exactly as over the whole download of a smaller database; the counts of the whole map and the
 * cells drawn farther out come from the server.
 *
 * A window is the view grown by half its width and height on each side, so a pan of a few hundred
 * pixels, and any zoom in, keeps it; the view leaving it (or a zoom out beyond it) asks for another.
 */
import { AGGREGATE_BELOW_ZOOM, VIEW_MARGIN } from '../map/level-of-detail/enterprise-detail.ts';

/** west, south, east, north in degrees. */
export type LonLatBox = [number, number, number, number];

/** The most plants a window holds (17 bytes each, and their columns): a city's plants, not a province's. */
export const WINDOW_LIMIT = 200_000;

/** From this zoom the map draws plants one by one, so it needs them; farther out it draws the server's cells. */
export const WINDOW_FROM_ZOOM = AGGREGATE_BELOW_ZOOM;

/** Each side of a new window lies this fraction of the view's width or height beyond the view. */
export const WINDOW_MARGIN = 0.5;

export interface MapWindow {
  /** The box asked for, rounded outward to 0.001° so that its URL is short and stable. */
  box: LonLatBox;
  /** The part of the box that follows the view (null when only a selection asked for it). */
  view: LonLatBox | null;
}

/** The box grown by a fraction of its width and height on each side, within the Web Mercator world. */
export function growBox([w, s, e, n]: LonLatBox, margin: number): LonLatBox {
  const dx = (e - w) * margin;
  const dy = (n - s) * margin;
  return [Math.max(-180, w - dx), Math.max(-85, s - dy), Math.min(180, e + dx), Math.min(85, n + dy)];
}

export function containsBox(outer: LonLatBox, inner: LonLatBox): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}

function union(a: LonLatBox, b: LonLatBox): LonLatBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

const outward = ([w, s, e, n]: LonLatBox): LonLatBox => [
  Math.floor(w * 1000) / 1000,
  Math.floor(s * 1000) / 1000,
  Math.ceil(e * 1000) / 1000,
  Math.ceil(n * 1000) / 1000,
];

/**
 * The window for a view at a zoom and a selection's bounding box (either may be absent): the
 * current one while it still serves, else a new one; null when there is nothing to hold.
 */
export function nextWindow(current: MapWindow | null, view: LonLatBox | null, zoom: number, selection: LonLatBox | null): MapWindow | null {
  const followed = view && zoom >= WINDOW_FROM_ZOOM ? view : null;
  if (!followed && !selection) return null;
  // What must lie inside: the view with the margin the map draws plants in (enterprise-detail.ts), and the selection.
  const needed = followed ? growBox(followed, VIEW_MARGIN) : null;
  const currentServes =
    current !== null &&
    (needed === null ? current.view === null : current.view !== null && containsBox(current.box, needed)) &&
    (selection === null || containsBox(current.box, selection));
  if (currentServes) return current;
  const around = followed ? growBox(followed, WINDOW_MARGIN) : null;
  const box = around && selection ? union(around, selection) : (around ?? selection);
  return box ? { box: outward(box), view: followed } : null;
}

export const boxParam = (box: LonLatBox) => box.map((v) => v.toFixed(3)).join(',');
