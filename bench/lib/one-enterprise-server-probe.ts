/**
 * node --import tsx bench/lib/one-enterprise-server-probe.ts DB ONE.CSV [--rounds 8]: an official's
 * correction of one enterprise through the running server, as the web page's import dialog sends
 * it — POST /api/imports with the one-row file, then its commit, which imports and re-screens what
 * changed before it answers (routes/imports.ts). Rounds move the plant back and forth by about a
 * kilometre, so each is a real change. Prints one JSON line: each round's request time (upload and
 * commit, to the `done` event) and the re-screen's own time as the run recorded it
 * (screening_runs.seconds). The first round is the server's first import; the rest are what a
 * server that has been up a while answers.
 *
 * The server is started with the planner map in the browser's mode, so that building the
 * server-side map's facts at start (27 s at five million) does not run beside the rounds.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { Database } from '../../server/db/database.ts';
import { greenline } from '../../test/helpers/cli.ts';
import { startServer } from '../../test/helpers/server.ts';

const [db, onePath] = process.argv.slice(2);
if (!db || !onePath) throw new Error('usage: one-enterprise-server-probe.ts DB ONE.CSV [--rounds N]');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : 8;

const parsed = Papa.parse<Record<string, string>>(readFileSync(onePath, 'utf8').replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: true,
});
const row = parsed.data[0];
if (!row) throw new Error(`${onePath} holds no enterprise`);
const positions = [row.lon, (Number(row.lon) + 0.01).toFixed(6)];

const add = await greenline(['--db', db, 'user', 'add', 'bench-official', '--role', 'admin'], { input: 'one-enterprise-probe-2024\n' });
if (add.code !== 0 && !add.stderr.includes('exists')) throw new Error(`user add failed: ${add.stderr}`);
const token = JSON.parse((await greenline(['--db', db, '--json', 'user', 'token', 'bench-official', '--label', 'probe'])).stdout)
  .token as string;

const server = await startServer(db, { GREENLINE_MAP_SERVER_ABOVE: String(Number.MAX_SAFE_INTEGER) });
const requests: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const csv = Papa.unparse([{ ...row, lon: positions[round % 2] }]);
    const headers = { authorization: `Bearer ${token}` };
    const form = new FormData();
    form.set('layer', 'enterprises');
    form.set('file', new Blob([csv]), 'one.csv');
    const started = performance.now();
    const upload = await fetch(`${server.url}/api/imports`, { method: 'POST', body: form, headers });
    if (!upload.ok) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const { id } = (await upload.json()) as { id: string };
    const events = await (await fetch(`${server.url}/api/imports/${id}/commit`, { method: 'POST', headers })).text();
    requests.push(Math.round(performance.now() - started));
    if (!events.includes('event: done') || !events.includes('"enterprises":1')) throw new Error(`round ${round}: ${events.slice(-400)}`);
  }
} finally {
  await server.stop();
}

const database = await Database.open(db);
const screening = (
  await database.all<{ ms: number }>(
    `SELECT round(seconds * 1000)::INTEGER AS ms FROM screening_runs WHERE scope = 'partial' ORDER BY id DESC LIMIT ${ROUNDS}`,
  )
)
  .map((r) => r.ms)
  .reverse();
database.close();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
console.log(JSON.stringify({ requests, screening, warm: { request: median(requests.slice(1)), screening: median(screening.slice(1)) } }));
