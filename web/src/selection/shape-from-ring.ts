/** A finished terra-draw ring as a selection: axis-aligned four-corner rings are kept as rectangles (shorter links). */
import type { Shape } from '../state/app-state.ts';

export function shapeFromRing(ring: [number, number][]): Shape | null {
  const open =
    ring.length > 1 && ring[0]?.[0] === ring[ring.length - 1]?.[0] && ring[0]?.[1] === ring[ring.length - 1]?.[1]
      ? ring.slice(0, -1)
      : ring;
  if (open.length < 3) return null;
  const xs = new Set(open.map((p) => p[0]));
  const ys = new Set(open.map((p) => p[1]));
  if (open.length === 4 && xs.size === 2 && ys.size === 2) {
    const [w, e] = [...xs].sort((a, b) => a - b) as [number, number];
    const [s, n] = [...ys].sort((a, b) => a - b) as [number, number];
    return { kind: 'rectangle', bbox: [w, s, e, n] };
  }
  return { kind: 'polygon', ring: open };
}
