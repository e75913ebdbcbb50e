/**
 * The plant under the pointer where plants are painted into a bitmap (paint-points.ts) and deck.gl
 * cannot pick them: of the plants drawn, the nearest whose drawn disc holds the pointer, found
 * through the k-d tree over every enterprise. Where discs overlap at equal distance the plant painted
 * last, on top, wins. Returns the enterprise's global index, as deck.gl's picking does through
 * `subset.index`.
 */
import type KDBush from 'kdbush';
import { bisect } from '../../data/bisect.ts';
import { drawnRadius } from './paint-points.ts';
import type { PointSubset } from './point-subset.ts';

/**
 * @param tree   k-d tree over `xy`, every enterprise's world position (mercator.ts)
 * @param at     the pointer in world units
 * @param unitsPerPixel world units per CSS pixel at the view's zoom
 */
export function pickPoint(
  tree: KDBush,
  xy: Float32Array,
  subset: PointSubset,
  fixedRadius: number,
  at: { x: number; y: number },
  unitsPerPixel: number,
): number | null {
  if (subset.count === 0) return null;
  let largest = drawnRadius(subset, 0, fixedRadius);
  if (subset.radii) for (let j = 1; j < subset.count; j++) largest = Math.max(largest, drawnRadius(subset, j, fixedRadius));
  // Half a pixel beyond the radius, as the painted rim reaches.
  const reach = largest + 0.5;
  let best: number | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const i of tree.within(at.x, at.y, reach * unitsPerPixel)) {
    // The subset's `index` is ascending: a plant's slot in it is found by bisection.
    const slot = bisect(subset.index, i, subset.count);
    if (slot < 0) continue;
    const distance = Math.hypot((xy[2 * i] as number) - at.x, (xy[2 * i + 1] as number) - at.y) / unitsPerPixel;
    if (distance > drawnRadius(subset, slot, fixedRadius) + 0.5) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== null && i > best)) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
