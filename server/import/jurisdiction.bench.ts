/**
 * Seeded benchmark of the jurisdiction check every imported row pays:
 *   node --import tsx server/import/jurisdiction.bench.ts [points]
 * Points clustered around the demo's prefecture seats, a quarter spread over the two provinces' box
 * (bench/lib/synthetic.ts, seed 42), tested against the demo regions and against China's outline
 * (the fallback with no regions loaded): points inside a region, only within the tolerance of one,
 * and refused, apart, with the region lookup rows already pay for scale; then the message for
 * refused ones, which costs a search for the nearest region (a fresh jurisdiction per run, as per
 * import, so that every message is written in full). The median of five runs.
 */
import { clusteredPoints } from '../../bench/lib/synthetic.ts';
import { REGIONS_FILE, readFeatures } from '../../data/demo/geography.ts';
import { regionLocator } from '../domain/geometry/region-locator.ts';
import { RegionOutline } from '../domain/geometry/region-outline.ts';
import { inEnglish } from '../domain/reasons.ts';
import { Jurisdiction, NATIONAL_BOUNDARY_FILES } from './jurisdiction.ts';

const n = Number(process.argv[2] ?? 1_000_000);
const { lon, lat } = clusteredPoints(n, 42);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
function time(label: string, count: number, work: () => number): void {
  const runs: number[] = [];
  let result = 0;
  for (let k = 0; k < 5; k++) {
    const started = performance.now();
    result = work();
    runs.push(performance.now() - started);
  }
  const ms = median(runs);
  console.log(`${label.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  ${((ms * 1e6) / count).toFixed(0).padStart(6)} ns each  (${result})`);
}

const asRegions = (file: URL) =>
  readFeatures(file).map((f) => ({
    code: String(f.properties.code),
    level: String(f.properties.level ?? 'province'),
    name: String(f.properties.name),
    name_en: (f.properties.name_en as string | undefined) ?? null,
    geometry: f.geometry,
  }));
const regions = asRegions(REGIONS_FILE);
const china = NATIONAL_BOUNDARY_FILES.flatMap((f) => asRegions(new URL(`../../data/boundaries/${f}`, import.meta.url)));
let started = performance.now();
Jurisdiction.of(regions);
console.log(`demo regions (${regions.length}) prepared in ${(performance.now() - started).toFixed(1)} ms`);
started = performance.now();
Jurisdiction.of([]);
console.log(`China's outline read and prepared in ${(performance.now() - started).toFixed(1)} ms`);

for (const [name, loaded, outline] of [
  ['demo regions', regions, regions],
  ["China's outline", [], china],
] as const) {
  const jurisdiction = Jurisdiction.of(loaded);
  // Which points lie inside a region, which only within the tolerance of one, and which neither.
  const exact = new RegionOutline(outline, 0);
  const groups: Record<'inside a region' | 'within the tolerance only' | 'refused', number[]> = {
    'inside a region': [],
    'within the tolerance only': [],
    refused: [],
  };
  for (let i = 0; i < n; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    groups[exact.covers(x, y) ? 'inside a region' : jurisdiction.covers(x, y) ? 'within the tolerance only' : 'refused'].push(i);
  }
  // Coordinates in file order, as an import meets them.
  const points = (of: number[]) => ({
    xs: Float64Array.from(of, (i) => lon[i] as number),
    ys: Float64Array.from(of, (i) => lat[i] as number),
  });
  const covers =
    ({ xs, ys }: { xs: Float64Array; ys: Float64Array }) =>
    () => {
      let covered = 0;
      for (let i = 0; i < xs.length; i++) if (jurisdiction.covers(xs[i] as number, ys[i] as number)) covered++;
      return covered;
    };
  time(`covers(), ${n.toLocaleString('en')} points, ${name}`, n, covers({ xs: lon, ys: lat }));
  for (const [group, of] of Object.entries(groups)) {
    time(`  ${of.length.toLocaleString('en')} ${group}`, of.length, covers(points(of)));
  }
  // For scale: the region lookup every row already pays when regions are loaded (region-locator.ts).
  const regionAt = regionLocator(outline);
  const { xs, ys } = points(groups['inside a region']);
  time('  regionAt() on those inside a region, for scale', xs.length, () => {
    let found = 0;
    for (let i = 0; i < xs.length; i++) if (regionAt(xs[i] as number, ys[i] as number)) found++;
    return found;
  });
  // A fresh jurisdiction per run, as per import: each describes up to PROBLEM_LIMIT points in full.
  const refused = points(groups.refused.slice(0, 5_000));
  time(`outsideReason(), ${refused.xs.length.toLocaleString('en')} refused, ${name}`, refused.xs.length, () => {
    const fresh = Jurisdiction.of(loaded);
    let chars = 0;
    for (let i = 0; i < refused.xs.length; i++)
      chars += inEnglish(fresh.outsideReason(refused.xs[i] as number, refused.ys[i] as number)).length;
    return chars;
  });
}
