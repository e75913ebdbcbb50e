/**
 * Seeded synthetic data for the screening benchmark: reserve-like polygons with about 250 vertices
 * spread over Inner Mongolia and Hebei, and points clustered around the demo's city centres the way
 * plants are.
 */
import type { Polygon, Position } from 'geojson';
import { kmToDegrees, Random } from '../../data/demo/random.ts';
import { DEMO_REGIONS } from '../../server/domain/regions.ts';

export const EXTENT = { west: 97.2, south: 36.0, east: 126.0, north: 53.3 };

export function reservePolygons(count: number, vertices: number, seed: number): Polygon[] {
  const rng = new Random(seed);
  const out: Polygon[] = [];
  for (let i = 0; i < count; i++) {
    const lon = rng.range(EXTENT.west + 1, EXTENT.east - 1);
    const lat = rng.range(EXTENT.south + 0.5, EXTENT.north - 0.5);
    const radiusKm = rng.range(3, 25);
    const { dLon, dLat } = kmToDegrees(radiusKm, lat);
    const phase = rng.range(0, Math.PI * 2);
    const ring: Position[] = [];
    for (let v = 0; v < vertices; v++) {
      const a = (2 * Math.PI * v) / vertices;
      const r = 1 + 0.25 * Math.sin(3 * a + phase) + 0.1 * Math.sin(7 * a) + rng.range(-0.03, 0.03);
      ring.push([lon + Math.cos(a) * dLon * r, lat + Math.sin(a) * dLat * r]);
    }
    ring.push(ring[0] as Position);
    out.push({ type: 'Polygon', coordinates: [ring] });
  }
  return out;
}

export function clusteredPoints(count: number, seed: number): { lon: Float64Array; lat: Float64Array } {
  const rng = new Random(seed);
  const seats = DEMO_REGIONS.filter((r) => r.level === 'prefecture').map((r) => r.centre);
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.25)) {
      lon[i] = rng.range(EXTENT.west, EXTENT.east);
      lat[i] = rng.range(EXTENT.south, EXTENT.north);
      continue;
    }
    const [x, y] = rng.pick(seats);
    const { dLon, dLat } = kmToDegrees(rng.range(5, 60), y);
    lon[i] = x + rng.normal() * dLon;
    lat[i] = y + rng.normal() * dLat;
  }
  return { lon, lat };
}
