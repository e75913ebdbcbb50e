/**
 * `node --import tsx bench/lib/map-server-probe.ts DB`: the planner map's server-side mode on a
 * database, through the real Hono app (app.request: routing, validation, the response cache): the
 * first facet request (which builds the map's facts), then facet counts for twelve filters, cells
 * at zooms 4 and 5 and the plants in a city's box for six, each filter asked once (no cache), and
 * one repeat of each (from the cache). Prints one JSON line; bench/scale.bench.ts runs it per size.
 */
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { MAP_FILTERS } from './map-filters.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: map-server-probe.ts DB');
const db = await Database.openReadOnly(path);
const app = createApp({ db, config: { port: 0, dbPath: path, webDir: null, basemaps: [] } });

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await app.request(url);
  await res.arrayBuffer();
  if (res.status !== 200 && res.status !== 422) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: Math.round(s[Math.floor(s.length / 2)] as number), max: Math.round(s.at(-1) as number) };
};

const first = await timed('/api/map/facets?year=2019');
const facets = [];
for (const f of MAP_FILTERS) facets.push(await timed(`/api/map/facets?${f}`));
const cached = [];
for (const f of MAP_FILTERS) cached.push(await timed(`/api/map/facets?${f}`));
const cells = [];
for (const f of MAP_FILTERS.slice(0, 6)) {
  for (const zoom of [4, 5]) cells.push(await timed(`/api/map/cells?box=73,18,135,54&zoom=${zoom}${f ? `&${f}` : ''}`));
}
const plants = [];
// Tangshan's centre at about zoom 10: the box a zoomed-in view asks for.
for (const f of MAP_FILTERS.slice(0, 6)) plants.push(await timed(`/api/map/plants?box=117.9,39.5,118.5,39.8${f ? `&${f}` : ''}`));
const range = await timed('/api/map/facets?energy_change=-30,&year=2019');
const rangeAgain = await timed('/api/map/facets?energy_change=,-18&year=2019');
console.log(
  JSON.stringify({
    first: Math.round(first),
    facets: stats(facets),
    cached: stats(cached),
    cells: stats(cells),
    plants: stats(plants),
    range: { firstOfYear: Math.round(range), next: Math.round(rangeAgain) },
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  }),
);
db.close();
