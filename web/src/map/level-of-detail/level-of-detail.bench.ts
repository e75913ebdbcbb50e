/**
 * Seeded benchmark of the map's level of detail, the CPU work a filter change, a zoom step or a pan
 * beyond the region costs the browser:
 *   node --import tsx web/src/map/level-of-detail/level-of-detail.bench.ts [enterprises]
 * Points are clustered around the demo's prefecture seats (bench/lib/synthetic.ts, seed 42), half
 * of them let through by the filter. Times the projection made once per payload, counting cells for
 * the zoomed-out view after a filter change, the first view zoomed into a city (which builds the k-d
 * tree), a filter change there, and a pan beyond the region. Node's V8, as in Chromium; the median
 * of five runs.
 */
import { clusteredPoints, EXTENT } from '../../../../bench/lib/synthetic.ts';
import { boxOfLonLat, expandBox, mercatorPoints } from '../../../../server/domain/geometry/mercator.ts';
import { allocatePoints } from '../../../../server/domain/point-payload.ts';
import { DEMO_REGIONS } from '../../../../server/domain/regions.ts';
import { EnterpriseDetail, POINT_BUDGET, VIEW_MARGIN } from './enterprise-detail.ts';
import { paintFrame, paintPoints } from './paint-points.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const { lon, lat } = clusteredPoints(n, 42);
const { columns: points } = allocatePoints(n);
for (let i = 0; i < n; i++) points.position.set([lon[i] as number, lat[i] as number], 2 * i);
const style = (seed: number) => {
  const visible = new Float32Array(n);
  for (let i = 0; i < n; i++) visible[i] = (i * 2654435761 + seed) % 7 < 4 ? 1 : 0;
  return { colors: new Uint8Array(4 * n).fill(200), radii: null, visible };
};
const half = style(1);
const other = style(2);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const figures: Record<string, string> = {};
function time(label: string, work: () => unknown): void {
  const runs: number[] = [];
  let what = '';
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    const out = work();
    runs.push(performance.now() - started);
    if (out && typeof out === 'object' && 'kind' in out) {
      const d = out as ReturnType<EnterpriseDetail['detail']>;
      what = d.kind === 'points' ? `${d.subset.count.toLocaleString('en')} plants` : `${d.grid.total.toLocaleString('en')} plants in cells`;
    }
  }
  figures[label] = `${median(runs).toFixed(1)} ms${what ? ` (${what})` : ''}`;
}

// Both provinces at zoom 4.6, and a 1280 × 720 view of Tangshan's centre at zoom 11.
const wide = boxOfLonLat(EXTENT.west, EXTENT.south, EXTENT.east, EXTENT.north);
const [x, y] = DEMO_REGIONS.find((r) => r.code === '130200')?.centre ?? [118.18, 39.63];
const city = (dLon: number) => boxOfLonLat(x + dLon - 0.22, y - 0.1, x + dLon + 0.22, y + 0.1);
let flip = false;
const flipped = () => {
  flip = !flip;
  return flip ? other : half;
};

time('projection, once per payload', () => mercatorPoints(points.position, n));
const zoomedOut = new EnterpriseDetail(points);
time('cells for both provinces, on a filter change', () => zoomedOut.detail(wide, 4.6, flipped(), true));
const fresh = Array.from({ length: 5 }, () => new EnterpriseDetail(points));
time('first view of the city (builds the k-d tree)', () => (fresh.pop() as EnterpriseDetail).detail(city(0), 11, half, true));
const detail = new EnterpriseDetail(points);
detail.detail(city(0), 11, half, true);
time('filter change in that view', () => detail.detail(city(0), 11, flipped(), true));
let east = false;
time('pan beyond the region', () => {
  east = !east;
  return detail.detail(city(east ? 0.6 : 0), 11, half, true);
});

// Software WebGL paints the plants around the view into one bitmap: a 1280 × 720 view at zoom 9
// over the city and its margins, as many plants as the software budget allows, sized 2–11 px as
// by capacity.
const region = boxOfLonLat(x - 0.88, y - 0.4, x + 0.88, y + 0.4);
const painted = new EnterpriseDetail(points, { budget: Number.POSITIVE_INFINITY }).detail(region, 9, half, false);
if (painted.kind === 'points') {
  const count = Math.min(POINT_BUDGET.software, painted.subset.count);
  const radii = new Float32Array(count);
  for (let j = 0; j < count; j++) radii[j] = 2 + (((j * 2654435761) >>> 0) % 1000) / 111;
  const sized = { ...painted.subset, count, radii };
  const frame = paintFrame(expandBox(region, VIEW_MARGIN), 9, 1, 4096);
  time(`paint ${count.toLocaleString('en')} plants at ${frame.width} × ${frame.height} px`, () =>
    paintPoints(detail.xy, sized, 3.2, frame),
  );
}

console.log(`level of detail, ${n.toLocaleString('en')} enterprises (seed 42), median of 5:`);
for (const [label, figure] of Object.entries(figures)) console.log(`  ${label}: ${figure}`);
