/**
 * Seeded benchmark of the geometry the screening and the imports stand on:
 *   node --import tsx server/domain/geometry/geometry.bench.ts [points] [polygons]
 * 3,000 reserve-like polygons of 250 vertices and 1,000,000 points clustered like plants
 * (bench/lib/synthetic.ts, seeds 7 and 42). Times preparing the polygons (slab decomposition),
 * indexing them (the zone grid and each polygon's edge index), containment of every point, the
 * points within 1 km of a zone with their geodesic distance, one polygon's self-intersection check
 *, and nearest-boundary distances. The median of five runs.
 */
import { clusteredPoints, reservePolygons } from '../../../bench/lib/synthetic.ts';
import { checkPolygon } from './check-polygon.ts';
import { EdgeIndex } from './edge-index.ts';
import { distanceToPolygon } from './polygon-distance.ts';
import { PreparedPolygon } from './prepared-polygon.ts';
import { ZoneIndex } from './zone-index.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const m = Number(process.argv[3] ?? 3_000);
const polygons = reservePolygons(m, 250, 7);
const { lon, lat } = clusteredPoints(n, 42);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const figures: Record<string, string> = {};
function time<T>(label: string, work: () => T, describe?: (out: T) => string): T {
  const runs: number[] = [];
  let out: T | undefined;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    out = work();
    runs.push(performance.now() - started);
  }
  figures[label] = `${median(runs).toFixed(1)} ms${describe ? ` (${describe(out as T)})` : ''}`;
  return out as T;
}
const count = (x: number) => x.toLocaleString('en');

const prepared = time(`prepare ${count(m)} polygons`, () => polygons.map((p) => new PreparedPolygon(p)));
const index = time(`index them (zone grid)`, () => new ZoneIndex(prepared));
time(
  `contain ${count(n)} points`,
  () => {
    let inside = 0;
    for (let i = 0; i < n; i++) index.forEachContaining(lon[i] as number, lat[i] as number, () => inside++);
    return inside;
  },
  (inside) => `${count(inside)} pairs`,
);
time(
  `${count(n)} points within 1 km, with distance`,
  () => {
    let near = 0;
    for (let i = 0; i < n; i++) index.forEachWithin(lon[i] as number, lat[i] as number, 1000, () => near++);
    return near;
  },
  (near) => `${count(near)} pairs`,
);
const big = reservePolygons(1, 20_000, 11)[0];
if (!big) throw new Error('no polygon');
time(
  'check one polygon of 20,000 vertices',
  () => checkPolygon(big),
  (c) => `${c.issues.length} issues`,
);
const edges = time('edge index of that polygon', () => new EdgeIndex(new PreparedPolygon(big)));
const ring = big.coordinates[0] ?? [];
time('10,000 distances to it, searched within 5 km', () => {
  let sum = 0;
  for (let k = 0; k < 10_000; k++) {
    const [x, y] = ring[(k * 7919) % ring.length] as [number, number];
    sum += distanceToPolygon(edges, x + 0.01, y + 0.01, 5000);
  }
  return sum;
});

console.log(JSON.stringify({ points: n, polygons: m, seed: 42, figures }, null, 2));
