import { describe, expect, it } from 'vitest';
import { boxWithin, degreesAround, geodesicDistance } from './wgs84.ts';

describe('degreesAround', () => {
  it('holds every point at the distance asked, north, south, east and west', () => {
    for (const lat of [0, 23.5, 41.8, 53.5]) {
      const { dLon, dLat } = degreesAround(lat, 5_000);
      expect(geodesicDistance(0, lat, 0, lat + dLat)).toBeGreaterThanOrEqual(5_000);
      expect(geodesicDistance(0, lat, 0, lat - dLat)).toBeGreaterThanOrEqual(5_000);
      expect(geodesicDistance(0, lat, dLon, lat)).toBeGreaterThanOrEqual(5_000);
    }
  });
});

describe('boxWithin', () => {
  it('grows a box so that points a band away from any of its corners stay inside', () => {
    const box = [109.5, 39.5, 111.8, 41.2] as const;
    const grown = boxWithin(box, 2_000);
    expect(grown).not.toBeNull();
    const [w, s, e, n] = grown as [number, number, number, number];
    // On the northern edge a degree of longitude is shortest: the corner there decides the width.
    expect(geodesicDistance(box[2], box[3], e, box[3])).toBeGreaterThanOrEqual(2_000);
    expect(geodesicDistance(box[0], box[3], w, box[3])).toBeGreaterThanOrEqual(2_000);
    expect(geodesicDistance(box[0], box[1], box[0], s)).toBeGreaterThanOrEqual(2_000);
    expect(geodesicDistance(box[0], box[3], box[0], n)).toBeGreaterThanOrEqual(2_000);
    expect(boxWithin(box, 0)).toEqual([...box]);
  });

  it('answers null where no lon/lat box says it: across the antimeridian or to a pole', () => {
    expect(boxWithin([179.99, 10, 179.999, 11], 5_000)).toBeNull();
    expect(boxWithin([-179.999, 10, -179.99, 11], 5_000)).toBeNull();
    expect(boxWithin([10, 89.89, 11, 89.895], 5_000)).toBeNull();
  });
});
