/**
 * npm run bench:embed [-- --db PATH] [-- --enterprises N]: the public embed at a million
 * enterprises, measured as a publisher and a visitor meet it.
 *
 *   publish   `greenline publish create` end to end (every enterprise, points, reserves), and the
 *             same publish in-process by phase
 *   archive   PMTiles sizes and the largest tile, read back from the archives' directories
 *   shipped   the embed's JS and CSS, gzipped (level 9) as a server or CDN sends them
 *   frame     Chromium (software WebGL) from navigation to the embed's first frame (painted from the
 *             tiles on a canvas) and to MapLibre's own frame with the enterprises drawn, median of 5
 *   tiles     wrk: byte-range requests for real tiles of the archive, 100 connections for 20 s
 *             after 5 s of warm-up
 *             against the Greenline server, each request from its own client address behind a
 *             trusted proxy (as a site's visitors arrive), so the per-address limit is the real one
 *
 * Builds the demo database (default 1,000,000 enterprises, seed 42) unless --db names one.
 * Loopback only; wrk comes from Debian (apt-get install wrk).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bytesToHeader } from 'pmtiles';
import { Database } from '../server/db/database.ts';
import { PublicationSpec } from '../server/domain/publish/publication-spec.ts';
import { filterFromQueryString } from '../server/http/map-filter.ts';
import { readEmbedAssets } from '../server/publish/embed-assets.ts';
import { createPublication } from '../server/publish/publications.ts';
import { ensureWebBuilt } from '../server/web-build.ts';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startServer } from '../test/helpers/server.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const enterprises = Number(arg('enterprises') ?? 1_000_000);
const work = mkdtempSync(join(tmpdir(), 'greenline-bench-embed-'));
const db = arg('db') ?? join(work, 'bench.duckdb');
const publications = join(work, 'publications');
const MB = 1024 * 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

if (!existsSync(db)) {
  console.log(`building a demo database of ${enterprises.toLocaleString('en')} enterprises at ${db} …`);
  const built = spawnSync(
    process.execPath,
    ['bin/greenline.js', '--db', db, 'demo', '--enterprises', String(enterprises), '--seed', '42'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error(`greenline demo failed with exit code ${built.status}`);
}
if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is missing: apt-get install wrk');
await ensureWebBuilt('dist/web');

const ARGS = [
  '--title',
  '全部企业',
  '--title-en',
  'Every enterprise',
  '--fields',
  'name,sector,action,rule,deadline,progress,location',
  '--zones',
  'nature_reserve',
];
const env = { ...process.env, GREENLINE_PUBLICATIONS_DIR: publications };

try {
  // Publish as a user runs it: the command, end to end.
  const started = performance.now();
  const cli = spawnSync(process.execPath, ['bin/greenline.js', '--db', db, '--json', 'publish', 'create', ...ARGS], {
    env,
    encoding: 'utf8',
  });
  const cliSeconds = (performance.now() - started) / 1000;
  if (cli.status !== 0) throw new Error(`publish create failed: ${cli.stderr}`);
  const published = JSON.parse(cli.stdout) as { id: string; count: number };
  console.log(
    `greenline publish create (${published.count.toLocaleString('en')} enterprises): ${cliSeconds.toFixed(1)} s end to end (target ≤ 60 s)`,
  );

  // The same in-process, by phase, with its peak RSS.
  {
    const database = await Database.open(db);
    const spec = PublicationSpec.parse({
      title: { zh: '分阶段' },
      draw: 'points',
      fields: ['name', 'sector', 'action', 'rule', 'deadline', 'progress', 'location'],
      zones: ['nature_reserve'],
    });
    const t0 = performance.now();
    const r = await createPublication({ db: database, dir: join(work, 'phases'), resolveFilter: filterFromQueryString }, spec, 'bench');
    const phases = Object.entries(r.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`);
    console.log(
      `  in-process ${((performance.now() - t0) / 1000).toFixed(1)} s: ${phases.join(' · ')}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
    database.close();
  }

  const dir = join(publications, published.id, 'v1');
  let total = 0;
  for (const f of ['enterprises.pmtiles', 'zones.pmtiles', 'basemap.pmtiles']) {
    const path = join(dir, f);
    if (!existsSync(path)) continue;
    const { tiles, largest, ranges } = readArchive(path);
    total += statSync(path).size;
    console.log(
      `  ${f}: ${(statSync(path).size / MB).toFixed(1)} MB, ${tiles.toLocaleString('en')} tiles, largest ${(largest / 1024).toFixed(0)} KB`,
    );
    if (f === 'enterprises.pmtiles') writeFileSync(join(work, 'ranges.txt'), ranges.join('\n'));
  }
  console.log(`PMTiles: ${(total / MB).toFixed(1)} MB in all (target ≤ 100 MB, no tile over 500 KB)`);
  const other = ['table.csv', 'meta.json', 'fallback.svg'].map((f) => `${f} ${(statSync(join(dir, f)).size / MB).toFixed(1)} MB`);
  console.log(
    `  besides: ${other.join(', ')}, rows in ${readFileSync(join(dir, 'meta.json'), 'utf8').match(/"chunks":(\d+)/)?.[1]} chunks`,
  );

  const assets = readEmbedAssets('dist/web', '');
  // What the embed page loads: its script, the modules it imports (now or once the first frame is
  // painted; MapLibre 5 carries its worker inside) and their styles.
  const embedFiles = [assets.embed.js, ...(assets.embed.preload ?? []), ...assets.embed.css];
  let shipped = 0;
  const parts: string[] = [];
  for (const f of new Set(embedFiles)) {
    const gz = gzipSync(readFileSync(join('dist/web', f)), { level: 9 }).length;
    shipped += gz;
    parts.push(`${f.replace('assets/', '')} ${(gz / 1024).toFixed(1)}`);
  }
  console.log(`embed JS + CSS shipped: ${(shipped / 1024).toFixed(0)} KB gzipped (target ≤ 400 KB): ${parts.join(', ')}`);

  const server = await startServer(db, { ...env, GREENLINE_TRUSTED_PROXIES: '127.0.0.1,::1' });
  const browser = await launchBrowser();
  try {
    // Five loads, each in a fresh context (nothing cached): the first frame (painted on a canvas
    // from the tiles) and MapLibre's own frame with the enterprises drawn.
    const frames: number[] = [];
    const maps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/embed/${published.id}`);
      await page.waitForFunction(() => document.documentElement.dataset.glReady === 'true', null, { timeout: 120_000 });
      const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { html: n.responseEnd, dom: n.domContentLoadedEventEnd };
      });
      console.log(
        `  load ${i + 1}: ${Object.entries({ ...nav, ...marks })
          .map(([k, v]) => `${k} ${Math.round(v as number)}`)
          .join(' · ')} ms`,
      );
      const map = (marks['gl-enterprises-drawn'] ?? marks['gl-idle']) as number;
      frames.push(marks['gl-first-frame'] ?? map);
      maps.push(map);
      await context.close();
    }
    const seconds = (xs: number[]) => xs.map((f) => (f / 1000).toFixed(2)).join(', ');
    console.log(
      `embed first frame from navigation (Chromium, software WebGL): median ${(median(frames) / 1000).toFixed(2)} s of ${seconds(frames)} (target ≤ 1.5 s)`,
    );
    console.log(`  MapLibre's own frame, enterprises drawn, interactive: median ${(median(maps) / 1000).toFixed(2)} s of ${seconds(maps)}`);

    const script = join(work, 'ranges.lua');
    writeFileSync(
      script,
      `local ranges = {}
for line in io.lines("${join(work, 'ranges.txt')}") do ranges[#ranges + 1] = line end
local n = 0
request = function()
  n = n + 1
  local r = ranges[math.random(#ranges)]
  -- Each request from its own visitor, as a reverse proxy reports them.
  local client = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", "/embed/${published.id}/v/1/enterprises.pmtiles", { Range = "bytes=" .. r, ["X-Forwarded-For"] = client })
end
done = function(summary, latency, requests)
  io.write(string.format("WRK requests=%d errors=%d status=%d timeouts=%d p50=%.2f p99=%.2f max=%.2f\\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`,
    );
    const url = new URL(server.url);
    const target = `http://127.0.0.1:${url.port}/`;
    // Five seconds first, not counted: a server that has just started is still compiling its hot
    // path, and a public one runs for weeks.
    spawnSync('wrk', ['-t', '2', '-c', '100', '-d', '5s', '-s', script, target]);
    const wrk = spawnSync('wrk', ['-t', '2', '-c', '100', '-d', '20s', '--latency', '-s', script, target], { encoding: 'utf8' });
    const line = wrk.stdout.split('\n').find((l) => l.startsWith('WRK ')) ?? wrk.stdout;
    const rps = wrk.stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1];
    console.log(
      `tile range requests, 100 connections, 20 s: ${line.replace('WRK ', '')} ms, ${rps} requests/s (target p99 ≤ 20 ms, no errors)`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Every tile entry of an archive (root and leaf directories), and the byte range of each. */
function readArchive(path: string): { tiles: number; largest: number; ranges: string[] } {
  const bytes = readFileSync(path);
  const header = bytesToHeader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 127) as ArrayBuffer);
  const ranges: string[] = [];
  let tiles = 0;
  let largest = 0;
  const read = (offset: number, length: number) => {
    const dir = gunzipSync(bytes.subarray(offset, offset + length));
    let pos = 0;
    const varint = () => {
      let v = 0;
      let shift = 1;
      for (;;) {
        const b = dir[pos++] as number;
        v += (b & 0x7f) * shift;
        if (b < 0x80) return v;
        shift *= 128;
      }
    };
    const n = varint();
    // Tile ids come first; only the entries' places in the data matter here.
    for (let i = 0; i < n; i++) varint();
    const runs = Array.from({ length: n }, varint);
    const lengths = Array.from({ length: n }, varint);
    const offsets: number[] = [];
    for (let i = 0; i < n; i++) {
      const o = varint();
      offsets.push(o === 0 && i > 0 ? (offsets[i - 1] as number) + (lengths[i - 1] as number) : o - 1);
    }
    for (let i = 0; i < n; i++) {
      if (runs[i] === 0) read(header.leafDirectoryOffset + (offsets[i] as number), lengths[i] as number);
      else {
        tiles += runs[i] as number;
        largest = Math.max(largest, lengths[i] as number);
        const start = header.tileDataOffset + (offsets[i] as number);
        ranges.push(`${start}-${start + (lengths[i] as number) - 1}`);
      }
    }
  };
  read(header.rootDirectoryOffset, header.rootDirectoryLength);
  return { tiles, largest, ranges };
}
