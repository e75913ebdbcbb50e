/** Points arrive ordered by key (ORDER BY key on the server), so a key is found by bisection. */
import type { PointColumns } from '../../../server/domain/point-payload.ts';
import { bisect } from './bisect.ts';

export function indexOfKey(points: PointColumns, key: number): number | null {
  const i = bisect(points.key, key);
  return i < 0 ? null : i;
}
