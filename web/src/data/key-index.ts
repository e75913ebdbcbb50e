/** Points arrive ordered by key (ORDER BY key on the server), so a key is found by bisection. */
import type { PointColumns } from '../../../server/domain/point-payload.ts';

export function indexOfKey(points: PointColumns, key: number): number | null {
  const keys = points.key;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as number;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
