/**
 * Seeded benchmark of label placement, the CPU work a quarter-zoom step costs the browser:
 *   node --import tsx web/src/map/labels/label-placement.bench.ts
 * The shipped county seats and towns (366, data/basemap/places.json, in Chinese) and a dense
 * synthetic field of 5,000 round Baotou (seed 42), each placed at zooms 4, 7, 9 and 12. Text is measured as one em a CJK glyph, as the
 * canvas measure is cached per text after its first use. Node's V8, as in Chromium; the median of
 * 25 runs (the first ones warm the JIT).
 */
import { BASEMAP_PLACES } from './basemap-places.ts';
import { type MeasureText, placeLabelsAt } from './label-placement.ts';
import { type PlaceLabel, placeLabels } from './place-labels.ts';

const measure: MeasureText = (text, size) => text.length * size;
const shipped = placeLabels([], BASEMAP_PLACES, 'zh');
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const dense: PlaceLabel[] = Array.from({ length: 5000 }, (_, i) => ({
  text: `镇${i}`,
  position: [108.5 + random() * 3, 40 + random() * 2],
  level: 'town',
  priority: Math.floor(random() * 400),
  minZoom: 0,
  maxZoom: 24,
  size: 11,
}));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
for (const [name, labels] of [
  ['shipped', shipped],
  ['dense 5,000', dense],
] as const) {
  for (const zoom of [4, 7, 9, 12]) {
    const times: number[] = [];
    let placed = 0;
    for (let run = 0; run < 25; run++) {
      const t0 = performance.now();
      placed = placeLabelsAt(labels, zoom, measure).length;
      times.push(performance.now() - t0);
    }
    console.log(
      `${name.padEnd(12)} zoom ${String(zoom).padStart(2)}: ${placed} of ${labels.length} placed in ${median(times).toFixed(2)} ms`,
    );
  }
}
