/**
 * `npm run bench:scale [-- --sizes 20000,1000000,5000000] [--keep]`: how cost grows with the number
 * of enterprises, each step the command a user runs, in its own child process (wall time and
 * peak RSS, bench/lib/greenline-cli.ts):
 *
 *  1. `greenline demo --enterprises N --extent china`: generate, load, first screening (which opens
 *     the ledger's cases), checkpoint; the database's size after.
 *  2. `greenline screen`: a full re-screen of the same data.
 *  3. `greenline import enterprises one.csv`: one enterprise moved 2 km, imported and re-screened
 *     alone (the screening's own time is what the import reports); then the same correction
 *     through the running server's import API, eight rounds (bench/lib/one-enterprise-server-probe.ts).
 *  4. `greenline export enterprises --format csv`, then `greenline import enterprises` of that
 *     file into a database holding only the country's regions and zones (`--no-screen`).
 *  5. The planner map's server-side mode over HTTP (bench/lib/map-server-probe.ts): the first
 *     facet request (which builds the map's facts), facet counts, cells and the plants in a box.
 *  6. The planner's page in Chromium (bench:map --views out,z12): first frame and filter latency
 *     zoomed out and over a city, in whichever mode the map takes at that size.
 *  7. The API under load (bench:load --scale, 50 connections, 10 s a route, no import): p50 / p99
 *     of the list, one enterprise, facet counts, the case list and the uncached reads.
 *
 * Targets are those for five million (issue 14): demo ≤ 180 s, import ≤ 90 s, first screening
 * ≤ 90 s, re-screen ≤ 40 s, one enterprise ≤ 200 ms, peak RSS ≤ 8 GB for each.
 * Databases live in bench/out/scale and are removed at the end unless --keep.
 */

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { type CliRun, greenlineCli } from './lib/greenline-cli.ts';

const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (argValue('--sizes') ?? '20000,1000000,5000000').split(',').map(Number);
const KEEP = process.argv.includes('--keep');
const OUT = resolve(import.meta.dirname, 'out/scale');
const GIB = 1024;

interface Screening {
  seconds: number;
  timings: Record<string, number>;
  cases?: { created: number };
}
interface Demo {
  enterprises: number;
  flags: number;
  screening: Screening | null;
}
interface MapServer {
  first: number;
  facets: { p50: number; max: number };
  cached: { p50: number; max: number };
  cells: { p50: number; max: number };
  plants: { p50: number; max: number };
  range: { firstOfYear: number; next: number };
  rssMiB: number;
}

/** The map's server-side mode on a database, in a process of its own (read-only, beside nothing else). */
function mapServer(db: string): MapServer {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib/map-server-probe.ts'), db], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`map server probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as MapServer;
}

interface OneThroughServer {
  requests: number[];
  screening: number[];
  warm: { request: number; screening: number };
}

/** One enterprise corrected through the server's import API, in a process of its own. */
function oneThroughServer(db: string, onePath: string): OneThroughServer {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'lib/one-enterprise-server-probe.ts'), db, onePath],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`one-enterprise server probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as OneThroughServer;
}

interface PageView {
  drawn: { mode?: string; count?: number } | null;
  firstFrameIssuedMs: number;
  firstFramePresentedMs: number;
  filterToLayersMedianMs: number;
  filterPresentedMedianMs: number;
}
interface Page {
  mode: string;
  out: PageView;
  city: PageView;
}

/** Runs another benchmark on the database in a child process; answers the JSON it wrote. */
function benchJson<T>(script: string, args: string[], out: string): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args, '--json-out', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stdout.slice(-2000)} ${run.stderr.slice(-2000)}`);
  const value = JSON.parse(readFileSync(out, 'utf8')) as T;
  rmSync(out, { force: true });
  return value;
}

/** The planner's page in Chromium, zoomed out and over Tangshan at zoom 12. */
function pageBench(db: string): Page {
  const results = benchJson<Record<string, unknown>>('map.bench.ts', ['--db', db, '--views', 'out,z12'], `${db}.page.json`);
  const [out, city] = Object.values(results).filter((v): v is PageView => typeof v === 'object' && v !== null && 'firstFrameIssuedMs' in v);
  if (!out || !city) throw new Error(`bench:map answered no views: ${JSON.stringify(results).slice(0, 500)}`);
  return { mode: String(results.mode), out, city };
}

interface LoadRun {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  rss: { start: number; max: number; end: number };
}

/** The national routes under 50 connections for 10 s each. */
function loadBench(db: string): LoadRun[] {
  return benchJson<LoadRun[]>(
    'load.bench.ts',
    ['--db', db, '--scale', '--connections', '50', '--seconds', '10', '--no-import'],
    `${db}.load.json`,
  );
}

interface Imported {
  imported: number;
  screening?: Screening;
}

const dbSize = (path: string) =>
  (existsSync(path) ? statSync(path).size : 0) + (existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0);
const removeDb = (path: string) => {
  for (const p of [path, `${path}.wal`]) rmSync(p, { force: true });
};

/** One enterprise of the export, moved about 2 km east: what an official's correction looks like. */
function oneMoved(csvPath: string, onePath: string): void {
  // The header and the first row are in the first 64 KiB; the file may be gigabytes.
  const head = Buffer.alloc(1 << 16);
  const fd = openSync(csvPath, 'r');
  const bytes = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const text = head
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, preview: 1 });
  const row = parsed.data[0];
  if (!row) throw new Error(`${csvPath} holds no enterprise`);
  row.lon = (Number(row.lon) + 0.025).toFixed(6);
  writeFileSync(onePath, Papa.unparse([row]));
}

interface Row {
  n: number;
  demo: CliRun<Demo>;
  size: number;
  map: MapServer;
  page: Page;
  load: LoadRun[];
  rescreen: CliRun<Screening>;
  one: CliRun<Imported>;
  oneServer: OneThroughServer;
  exported: CliRun<unknown>;
  imported: CliRun<Imported>;
}

mkdirSync(OUT, { recursive: true });
const rows: Row[] = [];
for (const n of SIZES) {
  const db = join(OUT, `scale-${n}.duckdb`);
  const fresh = join(OUT, `scale-${n}-import.duckdb`);
  const csv = join(OUT, `scale-${n}.csv`);
  const one = join(OUT, `scale-${n}-one.csv`);
  console.log(`\n${n.toLocaleString('en')} enterprises`);
  try {
    const demo = await greenlineCli<Demo>(db, ['demo', '--enterprises', String(n), '--extent', 'china']);
    const size = dbSize(db);
    console.log(`  demo ${demo.seconds.toFixed(1)} s, ${Math.round(demo.peakMiB)} MiB, ${(size / 2 ** 20).toFixed(0)} MiB on disk`);
    const map = mapServer(db);
    console.log(
      `  map server: first facets ${map.first} ms, facets p50 ${map.facets.p50} / max ${map.facets.max} ms (cached ${map.cached.p50}), cells p50 ${map.cells.p50} ms, plants p50 ${map.plants.p50} ms, RSS ${map.rssMiB} MiB`,
    );
    const page = pageBench(db);
    console.log(
      `  page (${page.mode} mode): first frame ${page.out.firstFrameIssuedMs} ms zoomed out, ${page.city.firstFrameIssuedMs} ms over a city; filter to layers ${page.out.filterToLayersMedianMs} / ${page.city.filterToLayersMedianMs} ms`,
    );
    const load = loadBench(db);
    for (const r of load) console.log(`  load: ${r.name} ${r.rps}/s p50 ${r.p50} p99 ${r.p99} ms`);
    const rescreen = await greenlineCli<Screening>(db, ['screen']);
    console.log(
      `  re-screen ${rescreen.seconds.toFixed(1)} s (screening ${rescreen.out.seconds.toFixed(1)} s), ${Math.round(rescreen.peakMiB)} MiB`,
    );
    const exported = await greenlineCli(db, ['export', 'enterprises', '--format', 'csv', '--out', csv]);
    oneMoved(csv, one);
    const oneRun = await greenlineCli<Imported>(db, ['import', 'enterprises', one]);
    console.log(
      `  one enterprise: command ${oneRun.seconds.toFixed(2)} s, screening ${(oneRun.out.screening?.seconds ?? Number.NaN).toFixed(3)} s`,
    );
    const oneServer = oneThroughServer(db, one);
    console.log(
      `  one enterprise through the server: screening ${oneServer.screening.join(', ')} ms; requests ${oneServer.requests.join(', ')} ms`,
    );
    await greenlineCli(fresh, ['demo', '--enterprises', '0', '--extent', 'china']);
    const imported = await greenlineCli<Imported>(fresh, ['import', 'enterprises', csv, '--no-screen']);
    console.log(`  CSV import ${imported.seconds.toFixed(1)} s, ${Math.round(imported.peakMiB)} MiB`);
    rows.push({ n, demo, size, map, page, load, rescreen, one: oneRun, oneServer, exported, imported });
  } finally {
    if (!KEEP) for (const p of [db, fresh]) removeDb(p);
    if (!KEEP) for (const p of [csv, one]) rmSync(p, { force: true });
  }
}

const s = (run: { seconds: number }) => run.seconds.toFixed(1);
const mib = (run: { peakMiB: number }) => (run.peakMiB >= GIB ? `${(run.peakMiB / GIB).toFixed(2)} GB` : `${Math.round(run.peakMiB)} MB`);
const cell = (run: CliRun<unknown>) => `${s(run)} s · ${mib(run)}`;
const phase = (sc: Screening | null | undefined, ...names: string[]) =>
  sc ? `${(names.reduce((sum, k) => sum + (sc.timings[k] ?? 0), 0) / 1000).toFixed(1)}` : '—';

console.log(
  '\n| enterprises | demo build (with first screening) | of it: first screening | database | full re-screen | one enterprise re-screened (command) | the same through the server: re-screen / request | CSV export | CSV import |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.n.toLocaleString('en')} | ${cell(r.demo)} | ${r.demo.out.screening?.seconds.toFixed(1) ?? '—'} s | ${(r.size / 2 ** 20).toFixed(0)} MB | ${cell(r.rescreen)} | ${((r.one.out.screening?.seconds ?? Number.NaN) * 1000).toFixed(0)} ms (${s(r.one)} s) | ${r.oneServer.warm.screening} / ${r.oneServer.warm.request} ms | ${s(r.exported)} s | ${cell(r.imported)} |`,
  );
}
console.log('\nThe map in server-side mode (HTTP through the app; ms): first request builds the facts');
console.log(
  '| enterprises | first facet request | facets, 12 filters p50 / max | cached p50 | cells p50 / max | plants in a box p50 / max | a range: first of a year / next | RSS |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const { n, map: m } of rows) {
  console.log(
    `| ${n.toLocaleString('en')} | ${m.first} | ${m.facets.p50} / ${m.facets.max} | ${m.cached.p50} | ${m.cells.p50} / ${m.cells.max} | ${m.plants.p50} / ${m.plants.max} | ${m.range.firstOfYear} / ${m.range.next} | ${m.rssMiB} MiB |`,
  );
}
console.log(
  '\nThe planner page in Chromium (SwiftShader), ms: first frame issued / presented; a filter to the layers / to the frame (median)',
);
console.log('| enterprises | map mode | zoomed out: first frame | zoomed out: filter | a city at zoom 12: first frame | a city: filter |');
console.log('|---|---|---|---|---|---|');
for (const { n, page: p } of rows) {
  const frame = (v: PageView) => `${v.firstFrameIssuedMs} / ${v.firstFramePresentedMs}`;
  const filter = (v: PageView) => `${v.filterToLayersMedianMs} / ${v.filterPresentedMedianMs}`;
  console.log(`| ${n.toLocaleString('en')} | ${p.mode} | ${frame(p.out)} | ${filter(p.out)} | ${frame(p.city)} | ${filter(p.city)} |`);
}
console.log('\nThe API at 50 connections (wrk, 10 s a route, loopback): requests/s, p50 / p99 ms; *random* routes miss every cache');
const routeNames = [...new Set(rows.flatMap((r) => r.load.map((l) => l.name)))];
console.log(`| route | ${rows.map((r) => r.n.toLocaleString('en')).join(' | ')} |`);
console.log(`|---|${rows.map(() => '---').join('|')}|`);
for (const name of routeNames) {
  const cells = rows.map((r) => {
    const l = r.load.find((x) => x.name === name);
    const bad = l
      ? l.errors + (l.statuses.serverError ?? 0) > 0
        ? ` (${l.errors} socket errors, ${l.statuses.serverError ?? 0} 5xx)`
        : ''
      : '';
    return l ? `${l.rps}/s, ${l.p50} / ${l.p99}${bad}` : '—';
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
console.log(
  `| server RSS start → max → end | ${rows.map((r) => `${Math.min(...r.load.map((l) => l.rss.start))} → ${Math.max(...r.load.map((l) => l.rss.max))} → ${r.load.at(-1)?.rss.end ?? 0} MB`).join(' | ')} |`,
);

console.log('\nScreening phases (s): first screening, then full re-screen');
const names = [
  ...new Set(rows.flatMap((r) => [...Object.keys(r.demo.out.screening?.timings ?? {}), ...Object.keys(r.rescreen.out.timings)])),
];
console.log(`| enterprises | ${names.join(' | ')} |`);
console.log(`|---|${names.map(() => '---').join('|')}|`);
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} first | ${names.map((k) => phase(r.demo.out.screening, k)).join(' | ')} |`);
  console.log(`| ${r.n.toLocaleString('en')} again | ${names.map((k) => phase(r.rescreen.out, k)).join(' | ')} |`);
}

const five = rows.find((r) => r.n === 5_000_000);
if (five) {
  const checks: [string, boolean][] = [
    ['demo ≤ 180 s', five.demo.seconds <= 180],
    ['first screening ≤ 90 s', (five.demo.out.screening?.seconds ?? Number.POSITIVE_INFINITY) <= 90],
    ['full re-screen ≤ 40 s', five.rescreen.out.seconds <= 40],
    ['one enterprise ≤ 200 ms (the command)', (five.one.out.screening?.seconds ?? Number.POSITIVE_INFINITY) <= 0.2],
    ['one enterprise ≤ 200 ms (through the server)', five.oneServer.warm.screening <= 200],
    ['CSV import ≤ 90 s', five.imported.seconds <= 90],
    ['first frame ≤ 2.5 s (zoomed out, a city)', Math.max(five.page.out.firstFrameIssuedMs, five.page.city.firstFrameIssuedMs) <= 2500],
    [
      'a filter ≤ 300 ms to the frame (zoomed out, a city)',
      Math.max(five.page.out.filterPresentedMedianMs, five.page.city.filterPresentedMedianMs) <= 300,
    ],
    ['API p50 ≤ 25 ms, p99 ≤ 150 ms at 50 connections (every route)', five.load.every((l) => l.p50 <= 25 && l.p99 <= 150)],
    ['API: no errors under load', five.load.every((l) => l.errors === 0 && !l.statuses.serverError)],
    ['peak RSS ≤ 8 GB (demo, screen, import)', Math.max(five.demo.peakMiB, five.rescreen.peakMiB, five.imported.peakMiB) <= 8 * GIB],
  ];
  console.log('\nTargets at 5,000,000:');
  for (const [name, ok] of checks) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name}`);
}
