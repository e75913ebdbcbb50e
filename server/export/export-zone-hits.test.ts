import { describe, expect, it } from 'vitest';
import type { HitArrays } from '../domain/screening/zone-hit-finder.ts';
import { zoneRanks } from '../domain/zone-order.ts';
import { rowOrder } from './zone-hits-join.ts';

const hitArrays = (rows: [point: number, zone: number][]): HitArrays => ({
  point: Uint32Array.from(rows.map((r) => r[0])),
  zone: Uint32Array.from(rows.map((r) => r[1])),
  distance: new Float64Array(rows.length),
});

/** The order rows had before: a stable sort by point, then zone id by localeCompare. */
const reference = (hits: HitArrays, ids: string[]) =>
  Array.from(hits.point.keys()).sort((a, b) => {
    const d = (hits.point[a] as number) - (hits.point[b] as number);
    return d !== 0 ? d : (ids[hits.zone[a] as number] as string).localeCompare(ids[hits.zone[b] as number] as string);
  });

describe('zone-hit row order', () => {
  // localeCompare puts "a" before "B" before "b", where code units put "B" first.
  const ids = ['b', 'B', 'a', 'a-2', 'A', '10', '9'];

  it('ranks zone ids as localeCompare orders them', () => {
    const ranks = zoneRanks(ids);
    const byRank = Array.from(ids.keys()).sort((x, y) => (ranks[x] as number) - (ranks[y] as number));
    expect(byRank.map((z) => ids[z])).toEqual([...ids].sort((x, y) => x.localeCompare(y)));
  });

  it('orders hits reported by point, zones within a point by id', () => {
    const hits = hitArrays([
      [0, 0],
      [0, 1],
      [0, 2],
      [2, 6],
      [2, 5],
      [3, 4],
      [3, 3],
      [3, 2],
    ]);
    expect(Array.from(rowOrder(hits, zoneRanks(ids)))).toEqual(reference(hits, ids));
  });

  it('orders hits reported band by band, points out of order', () => {
    const hits = hitArrays([
      [5, 0],
      [1, 2],
      [9, 1],
      [1, 0],
      [5, 3],
      [0, 6],
      [9, 5],
    ]);
    expect(Array.from(rowOrder(hits, zoneRanks(ids)))).toEqual(reference(hits, ids));
  });

  it('keeps hit order for zone ids that compare equal, and orders zero hits', () => {
    // Composed and decomposed é: different strings, equal to localeCompare.
    const equal = ['\u00e9', 'e\u0301'];
    const hits = hitArrays([
      [0, 1],
      [0, 0],
    ]);
    expect(Array.from(rowOrder(hits, zoneRanks(equal)))).toEqual([0, 1]);
    expect(Array.from(rowOrder(hitArrays([]), zoneRanks(ids)))).toEqual([]);
  });
});
