/**
 * kill -9 at the worst moments, then a restart: nothing committed is ever left unscreened, and
 * nothing is half-written. The processes kill themselves at named failpoints (server/faults.ts),
 * as a power cut would: no cleanup, no flush.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { getMeta } from '../../server/db/meta-store.ts';
import { planScreening } from '../../server/screening/screen-changed.ts';
import { greenline } from '../helpers/cli.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb | null = null;
let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
  temp?.cleanup();
  temp = null;
});

/** New plants where withdrawn ones stand: screening must flag them, so the test can see it did. */
async function newPlantsCsv(db: Database, dir: string, n: number): Promise<{ path: string; ids: string[] }> {
  const at = await db.one<{ lon: number; lat: number; sector: string }>(
    "SELECT e.lon, e.lat, e.sector FROM enterprises e JOIN flags f ON f.enterprise_id = e.id WHERE f.action = 'withdraw' LIMIT 1",
  );
  if (!at) throw new Error('the demo database has no plant that must withdraw');
  const ids = Array.from({ length: n }, (_, i) => `CRASH-${i + 1}`);
  const lines = ['id,name,sector,lon,lat', ...ids.map((id, i) => `${id},断电测试企业${i + 1},${at.sector},${at.lon},${at.lat}`)];
  const path = join(dir, 'new-plants.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, ids };
}

async function untilScreened(s: RunningServer): Promise<string[]> {
  const seen: string[] = [];
  const deadline = Date.now() + 120_000;
  for (;;) {
    const health = (await (await fetch(`${s.url}/api/health`)).json()) as { screening: string };
    if (seen.at(-1) !== health.screening) seen.push(health.screening);
    if (health.screening === 'current') return seen;
    if (health.screening === 'failed' || Date.now() > deadline)
      throw new Error(`screening did not catch up: ${seen.join(' → ')}\n${s.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function screenedState(t: TempDb, ids: string[]) {
  const db = await t.open();
  try {
    const last = await db.one<{ data_version: number }>(
      'SELECT data_version FROM screening_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1',
    );
    const flagged = await db.one<{ n: number }>(
      `SELECT count(DISTINCT enterprise_id) AS n FROM flags WHERE enterprise_id IN (${ids.map((id) => `'${id}'`).join(',')})`,
    );
    const cases = await db.one<{ n: number }>(
      `SELECT count(*) AS n FROM cases WHERE enterprise_id IN (${ids.map((id) => `'${id}'`).join(',')})`,
    );
    return {
      dataVersion: Number(await getMeta(db, 'data_version')),
      screenedVersion: last?.data_version ?? -1,
      flagged: flagged?.n ?? 0,
      cases: cases?.n ?? 0,
      plan: (
        await planScreening(
          db,
          (
            await db.one<{ d: string }>("SELECT strftime(as_of, '%Y-%m-%d') AS d FROM screening_runs ORDER BY id DESC LIMIT 1")
          )?.d,
        )
      ).kind,
    };
  } finally {
    db.close();
  }
}

describe('kill -9 between an import’s commit and its screening', () => {
  it('the CLI: the rows stay, unscreened; the next server start screens them before calling screening current', async () => {
    temp = await tempDemoDb(400, 7);
    const db = await temp.open();
    const { path, ids } = await newPlantsCsv(db, temp.dir, 25);
    db.close();

    const killed = await greenline(['--db', temp.path, 'import', 'enterprises', path], { env: { GREENLINE_FAULT: 'import-committed' } });
    expect(killed.code).toBe(-1);
    const after = await screenedState(temp, ids);
    expect(after.dataVersion).toBeGreaterThan(after.screenedVersion);
    expect(after.flagged).toBe(0);

    server = await startServer(temp.path);
    // Health says current only once everything committed is screened (it may get there before
    // the first look, so "pending" is not asserted).
    await untilScreened(server);
    await server.stop();
    const recovered = await screenedState(temp, ids);
    expect(recovered.screenedVersion).toBe(recovered.dataVersion);
    expect(recovered.plan).toBe('none');
    expect(recovered.flagged).toBe(ids.length);
    expect(recovered.cases).toBeGreaterThanOrEqual(ids.length);
    const verify = await greenline(['--db', temp.path, 'audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
  });
});

describe('kill -9 while a screening run syncs the ledger', () => {
  it('leaves flags, zone hits and cases exactly as before; the restart screens what was pending', async () => {
    temp = await tempDemoDb(400, 7);
    const db = await temp.open();
    const { path, ids } = await newPlantsCsv(db, temp.dir, 10);
    db.close();
    const imported = await greenline(['--db', temp.path, 'import', 'enterprises', path, '--no-screen']);
    expect(imported.code, imported.stderr).toBe(0);
    const snapshot = async () => {
      const d = await (temp as TempDb).open();
      try {
        return await d.one<{ flags: number; hits: number; cases: number; audit: number; run: number }>(
          `SELECT (SELECT count(*) FROM flag_rows) AS flags, (SELECT count(*) FROM zone_hit_rows) AS hits,
                  (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_log) AS audit,
                  (SELECT max(id) FROM screening_runs WHERE finished_at IS NOT NULL) AS run`,
        );
      } finally {
        d.close();
      }
    };
    const before = await snapshot();
    const killed = await greenline(['--db', temp.path, 'screen'], { env: { GREENLINE_FAULT: 'screening-before-commit' } });
    expect(killed.code).toBe(-1);
    expect(await snapshot()).toEqual(before);

    server = await startServer(temp.path);
    await untilScreened(server);
    await server.stop();
    const recovered = await screenedState(temp, ids);
    expect(recovered.flagged).toBe(ids.length);
    expect(recovered.cases).toBeGreaterThanOrEqual(ids.length);
    expect((await greenline(['--db', temp.path, 'audit', 'verify'])).code).toBe(0);
  });
});
