/**
 * npm run bench:load [-- --db PATH] [-- --seconds S] [-- --server-dir DIR] [-- --connections 50,200]
 * [-- --no-import] [-- --replicas] [-- --route TEXT]: the server under load, loopback only and bounded in time. Each
 * public route, and an authenticated case list, takes 50 and then 200 connections from wrk for S
 * seconds (default 30), while a probe asks /api/health every 50 ms and the server's RSS is sampled
 * every second; one more run repeats the enterprise list at 50 connections while a 100,000-row CSV
 * is imported through the API. Routes marked {r} vary per request (a random page, one of many
 * filters), so they measure DuckDB as well as the response cache.
 *
 * --replicas then measures the design for more than one machine (README, "Past one machine"): the
 * same reads served by one read-only server process, and by two over the same file, each driven by
 * its own wrk at the same total connections; the throughputs are compared.
 *
 * Clients arrive as distinct addresses behind a trusted proxy (X-Forwarded-For), as a site's
 * visitors do, so the per-address limit applies as it would in production. --server-dir runs the
 * server of another checkout (the "before" figures), on a copy of the same database.
 * --json-out FILE also writes every run's figures as JSON (bench:scale reads them).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../server/db/database.ts';
import { greenline } from '../test/helpers/cli.ts';
import { startServer } from '../test/helpers/server.ts';
import { writeEnterpriseCsv } from './enterprise-csv.ts';
import { MAP_FILTERS } from './lib/map-filters.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(arg('seconds') ?? 30);
const connectionCounts = (arg('connections') ?? '50,200').split(',').map(Number);
/** Only the routes a national database is read through (not the whole-payload ones the map's server mode replaces). */
const scale = process.argv.includes('--scale');
const withImport = !process.argv.includes('--no-import');
const withReplicas = process.argv.includes('--replicas');
/** Only the routes whose name holds this text (--route cases). */
const only = arg('route');
const chosen = (name: string, national: boolean) => (national || !scale) && (only === undefined || name.includes(only));
const serverDir = arg('server-dir');
const work = mkdtempSync(join(tmpdir(), 'greenline-bench-load-'));
const db = join(work, 'load.duckdb');

if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is missing: apt-get install wrk');
if (arg('db')) copyFileSync(arg('db') as string, db);
else {
  const built = await greenline(['--db', db, 'demo', '--enterprises', '20000', '--seed', '42']);
  if (built.code !== 0) throw new Error(`demo failed: ${built.stderr}`);
}
// An administrator with an API token: the case list is read with it, and the import made with it.
const add = await greenline(['--db', db, 'user', 'add', 'bench-admin', '--role', 'admin'], { input: 'load-bench-password-2024\n' });
if (add.code !== 0) throw new Error(`user add failed: ${add.stderr}`);
const token = JSON.parse((await greenline(['--db', db, '--json', 'user', 'token', 'bench-admin', '--label', 'load'])).stdout)
  .token as string;
const firstId = await (async () => {
  const database = await Database.open(db);
  try {
    return (await database.one<{ id: string }>('SELECT id FROM enterprises ORDER BY key LIMIT 1'))?.id ?? '';
  } finally {
    database.close();
  }
})();

const server = await startServer(db, { GREENLINE_TRUSTED_PROXIES: '127.0.0.1,::1' }, serverDir);
const port = new URL(server.url).port;

interface Run {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  health: { p50: number; p99: number; max: number; failed: number };
  rss: { start: number; max: number; end: number };
}

const script = join(work, 'load.lua');
// wrk copies only plain values between its threads' Lua states, so statuses are counted in
// named numbers rather than a table.
const STATUS_CLASSES = ['ok', 'notModified', 'tooMany', 'busy', 'clientError', 'serverError'] as const;
writeFileSync(
  script,
  `local threads = {}
${STATUS_CLASSES.map((k) => `${k} = 0`).join('\n')}
function setup(thread) table.insert(threads, thread) end
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATH"), "[^|]+") do table.insert(paths, p) end
request = function()
  local path = (string.gsub(paths[math.random(1, #paths)], "{r}", tostring(math.random(0, 9999))))
  local client = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local headers = { ["X-Forwarded-For"] = client, ["Accept-Encoding"] = "gzip, br" }
  if os.getenv("BENCH_TOKEN") then headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end
  return wrk.format("GET", path, headers)
end
response = function(status, headers, body)
  if status == 304 then notModified = notModified + 1
  elseif status < 300 then ok = ok + 1
  elseif status == 429 then tooMany = tooMany + 1
  elseif status == 503 then busy = busy + 1
  elseif status < 500 then clientError = clientError + 1
  else serverError = serverError + 1 end
end
done = function(summary, latency, requests)
  local totals = {}
  for _, name in ipairs({ ${STATUS_CLASSES.map((k) => `"${k}"`).join(', ')} }) do
    local n = 0
    for _, t in ipairs(threads) do n = n + t:get(name) end
    table.insert(totals, '"' .. name .. '":' .. n)
  end
  io.write(string.format('WRK {"requests":%d,"errors":%d,"p50":%.2f,"p99":%.2f,"max":%.2f,"statuses":{%s}}\\n',
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, table.concat(totals, ",")))
end
`,
);

const rssOf = (pid = server.pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024);
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number) : 0;
};

type WrkResult = Omit<Run, 'rps' | 'health' | 'rss'>;

/** One wrk run against a server's port: `path` may list several paths (a|b) and carry {r}. */
async function runWrk(target: number, path: string, connections: number, threads: number, withToken: boolean): Promise<WrkResult> {
  const wrk = spawn(
    'wrk',
    [
      '-t',
      String(threads),
      '-c',
      String(connections),
      '-d',
      `${seconds}s`,
      '--timeout',
      '10s',
      '--latency',
      '-s',
      script,
      `http://127.0.0.1:${target}/`,
    ],
    { env: { ...process.env, BENCH_PATH: path, ...(withToken ? { BENCH_TOKEN: token } : {}) } },
  );
  let out = '';
  wrk.stdout.on('data', (d) => {
    out += d;
  });
  await new Promise((resolve) => wrk.on('close', resolve));
  const line = out.split('\n').find((l) => l.startsWith('WRK ')) ?? 'WRK {}';
  return JSON.parse(line.slice(4)) as WrkResult;
}

async function load(path: string, connections: number, withToken: boolean, during?: () => Promise<void>): Promise<Run> {
  const health: number[] = [];
  let failed = 0;
  let running = true;
  const rss: number[] = [rssOf()];
  const probe = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const r = await fetch(`${server.url}/api/health`);
        await r.arrayBuffer();
        if (!r.ok) failed++;
      } catch {
        failed++;
      }
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const sampler = setInterval(() => rss.push(rssOf()), 1000);
  const side = during?.();
  const r = await runWrk(Number(port), path, connections, 2, withToken);
  await side;
  running = false;
  clearInterval(sampler);
  await probe;
  rss.push(rssOf());
  return {
    ...r,
    rps: Math.round(r.requests / seconds),
    health: { p50: pct(health, 50), p99: pct(health, 99), max: Math.max(...health), failed },
    rss: { start: rss[0] as number, max: Math.max(...rss), end: rss.at(-1) as number },
  };
}

const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);
const reported: (Run & { name: string; connections: number })[] = [];
function report(name: string, connections: number, r: Run) {
  reported.push({ name, connections, ...r });
  const statuses = Object.entries(r.statuses ?? {})
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  console.log(
    `${name.padEnd(40)} ${String(connections).padStart(3)} conns  ${String(r.rps).padStart(6)}/s  p50 ${ms(r.p50).padStart(5)}  p99 ${ms(r.p99).padStart(5)}  max ${ms(r.max).padStart(5)} ms  ${statuses}${r.errors ? `  socket errors ${r.errors}` : ''}  | health p99 ${ms(r.health.p99)} max ${ms(r.health.max)} ms${r.health.failed ? ` failed ${r.health.failed}` : ''} | RSS ${r.rss.start}→${r.rss.max}→${r.rss.end} MB`,
  );
}

const facetPaths = MAP_FILTERS.map((f) => `/api/map/facets?${f}`).join('|');
const cellPaths = MAP_FILTERS.slice(0, 6)
  .map((f) => `/api/map/cells?box=73,18,135,54&zoom=5${f ? `&${f}` : ''}`)
  .join('|');

/** [name, path, with the API token, kept at national scale (--scale)]. */
const ROUTES: [string, string, boolean, boolean][] = [
  ['list: /api/enterprises?limit=50', '/api/enterprises?limit=50', false, true],
  ['list, filtered, a random page', '/api/enterprises?region=130000&status=operating&limit=50&offset={r}', false, true],
  ['one enterprise', `/api/enterprises/${firstId}`, false, true],
  ['one enterprise by a random key', '/api/enterprises?key={r}', false, true],
  ['zones: nature reserves', '/api/zones?kind=nature_reserve', false, true],
  ['regions', '/api/regions', false, false],
  ['stats: /api/stats/regions?year=2019', '/api/stats/regions?year=2019', false, false],
  ['stats: /api/stats/actions', '/api/stats/actions', false, false],
  ['points', '/api/enterprises/points', false, false],
  ['facet counts, one of 12 filters', facetPaths, false, true],
  ['cells at zoom 5, one of 6 filters', cellPaths, false, true],
  ['cases (API token)', '/api/cases?limit=50', true, true],
];

/**
 * One read-only server against two over the same file, each two driven by its own wrk with half
 * the connections and threads: what a second replica adds on the same two cores.
 */
async function replicas(routes: [string, string][]): Promise<void> {
  await server.stop(); // the writer lets go of the file, as a writer publishing a snapshot would
  const env = { GREENLINE_TRUSTED_PROXIES: '127.0.0.1,::1', GREENLINE_READ_ONLY: '1' };
  const portOf = (s: { url: string }) => Number(new URL(s.url).port);
  // Every filter asked once of each server first, as warmUp does for the writer.
  const warm = async (s: { url: string }) => {
    for (const [, paths] of routes) for (const p of paths.split('|')) await (await fetch(`${s.url}${p.replace('{r}', '1')}`)).arrayBuffer();
  };
  const one = await startServer(db, env, serverDir);
  const single: number[] = [];
  try {
    await warm(one);
    for (const [, path] of routes) single.push((await runWrk(portOf(one), path, 50, 2, false)).requests / seconds);
  } finally {
    await one.stop();
  }
  const two = await Promise.all([startServer(db, env, serverDir), startServer(db, env, serverDir)]);
  try {
    await Promise.all(two.map(warm));
    for (const [i, [name, path]] of routes.entries()) {
      const runs = await Promise.all(two.map((s) => runWrk(portOf(s), path, 25, 1, false)));
      const both = runs.reduce((n, r) => n + r.requests, 0) / seconds;
      const errors = runs.reduce((n, r) => n + r.errors + (r.statuses?.serverError ?? 0), 0);
      const p99 = Math.max(...runs.map((r) => r.p99));
      console.log(
        `replicas: ${name.padEnd(36)} one server ${Math.round(single[i] as number)}/s, two servers ${Math.round(both)}/s (× ${(both / (single[i] as number)).toFixed(2)}), p99 ${ms(p99)} ms${errors ? `, errors ${errors}` : ''}`,
      );
    }
  } finally {
    await Promise.all(two.map((s) => s.stop()));
  }
}

/** Each route asked once before it is loaded: the map's facts, caches and DuckDB's first reads are a start-up's work, not a load's. */
async function warmUp(): Promise<void> {
  // A server past the map's threshold builds the map's facts as it starts and a year's indicators
  // after them (tens of seconds at five million): a range asks for both, so no run is timed beside them.
  const started = performance.now();
  const ranged = await fetch(`${server.url}/api/map/facets?energy_change=,-18`);
  await ranged.arrayBuffer();
  console.log(
    `  warm-up: the map's facts and a year's indicators ${ranged.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const [name, paths, auth, national] of ROUTES) {
    if (!chosen(name, national)) continue;
    const started = performance.now();
    const path = (paths.split('|')[0] as string).replace('{r}', '1');
    const res = await fetch(`${server.url}${path}`, auth ? { headers: { authorization: `Bearer ${token}` } } : {});
    await res.arrayBuffer();
    console.log(`  warm-up: ${name} ${res.status} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

try {
  console.log(`server ${serverDir ?? 'this checkout'}, ${seconds} s per run, wrk with 2 threads on the same 2 cores`);
  await warmUp();
  for (const connections of connectionCounts) {
    for (const [name, path, auth, national] of ROUTES)
      if (chosen(name, national)) report(name, connections, await load(path, connections, auth));
  }
  if (withImport) {
    // A real import through the API while the list is read.
    const csv = join(work, 'import.csv');
    await writeEnterpriseCsv(csv, 100_000, 7);
    // New plants, not the demo's under new credit codes (which an import rightly refuses).
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^E(?=\d)/gm, 'L'));
    const importing = async () => {
      const form = new FormData();
      form.set('layer', 'enterprises');
      form.set('file', new Blob([readFileSync(csv)]), 'import.csv');
      const headers = { authorization: `Bearer ${token}` };
      const started = performance.now();
      const upload = await fetch(`${server.url}/api/imports`, { method: 'POST', body: form, headers });
      const { id } = (await upload.json()) as { id: string };
      const commit = await fetch(`${server.url}/api/imports/${id}/commit`, { method: 'POST', headers });
      const events = await commit.text();
      console.log(
        `  import of 100,000 rows through the API: ${((performance.now() - started) / 1000).toFixed(1)} s, ${events.includes('event: done') ? 'done' : `FAILED: ${events.slice(-300)}`}`,
      );
    };
    report('list during an import', 50, await load('/api/enterprises?limit=50', 50, false, importing));
  }
  // Last: it stops the writer.
  if (withReplicas) {
    await replicas([
      ['list: /api/enterprises?limit=50', '/api/enterprises?limit=50'],
      ['facet counts, one of 12 filters', facetPaths],
      ['list, filtered, a random page', '/api/enterprises?region=130000&status=operating&limit=50&offset={r}'],
    ]);
  }
  const out = arg('json-out');
  if (out) writeFileSync(out, JSON.stringify(reported));
} finally {
  await server.stop();
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
