/**
 * `npm run bench:import`: a 1,000,000-row enterprise CSV (Chinese headers, the demo generator's
 * plausible rows, seed 42) and a 10,000-polygon zone layer (seed 7), each imported by the real CLI
 * in a child process into a fresh database holding the region boundaries. Reports wall time, rows
 * per second and the importing process's peak RSS against the targets (≤ 30 s and ≤ 2 GB; ≤ 10 s).
 * Also re-imports the million rows, every one an update, for information.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoDatabase } from '../server/demo/build-demo-database.ts';
import { writeEnterpriseCsv } from './enterprise-csv.ts';
import { greenlineCli } from './lib/greenline-cli.ts';
import { writeZoneGeoJson } from './zone-geojson.ts';

const ENTERPRISES = Number(process.env.BENCH_ENTERPRISES ?? 1_000_000);
const ZONES = Number(process.env.BENCH_ZONES ?? 10_000);

interface Measured {
  seconds: number;
  peakMiB: number;
  imported: number;
}

async function measured(db: string, args: string[]): Promise<Measured> {
  const run = await greenlineCli<{ imported?: number; enterprises?: number }>(db, args);
  return { seconds: run.seconds, peakMiB: run.peakMiB, imported: run.out.imported ?? run.out.enterprises ?? 0 };
}

const dir = mkdtempSync(join(tmpdir(), 'greenline-bench-'));
try {
  console.log(`generating ${ENTERPRISES.toLocaleString('en')} enterprises and ${ZONES.toLocaleString('en')} zones in ${dir} …`);
  const csv = join(dir, 'enterprises.csv');
  const zones = join(dir, 'zones.geojson');
  await writeEnterpriseCsv(csv, ENTERPRISES, 42);
  await writeZoneGeoJson(zones, ZONES, 7);
  const db = join(dir, 'bench.duckdb');
  await buildDemoDatabase(db, { enterprises: 0, seed: 42 });

  // The imports are timed on their own (--no-screen); the screening that normally follows each
  // is timed apart, as `greenline screen` in its own process, so that neither hides the other.
  const first = await measured(db, ['import', 'enterprises', csv, '--no-screen']);
  const screenFirst = await measured(db, ['screen']);
  const again = await measured(db, ['import', 'enterprises', csv, '--no-screen']);
  const layer = await measured(db, ['import', 'zones', zones, '--kind', 'industrial_park', '--no-screen']);

  const rows = [
    ['enterprise CSV, empty database', first, 30, 2048],
    ['then screening them (greenline screen)', screenFirst, null, null],
    ['enterprise CSV again (all updates)', again, null, null],
    ['zone GeoJSON polygons', layer, 10, null],
  ] as const;
  let missed = false;
  console.log('\n| import | rows | seconds | rows/s | peak RSS | target |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, m, seconds, mib] of rows) {
    const ok = (seconds === null || m.seconds <= seconds) && (mib === null || m.peakMiB <= mib);
    if (!ok) missed = true;
    const target = seconds === null ? '—' : `≤ ${seconds} s${mib ? `, ≤ ${mib / 1024} GB` : ''} ${ok ? 'met' : 'MISSED'}`;
    console.log(
      `| ${name} | ${m.imported.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${Math.round(m.imported / m.seconds).toLocaleString('en')} | ${Math.round(m.peakMiB)} MiB | ${target} |`,
    );
  }
  if (missed) process.exitCode = 1;
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
