/**
 * Imports never half-write: a process killed while reading or while writing leaves the database
 * as it was; --replace swaps a layer whole or not at all; upserts keep history.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listValue } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { creditCodeCheckChar } from '../../server/domain/credit-code.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

const BIN = fileURLToPath(new URL('../../bin/greenline.js', import.meta.url));

let temp: TempDb;
beforeEach(async () => {
  temp = await tempDemoDb(200, 13);
});
afterEach(() => temp.cleanup());

async function snapshot(path: string) {
  const db = await Database.open(path);
  try {
    return await db.one(
      `SELECT (SELECT count(*) FROM enterprises) AS enterprises,
              (SELECT coalesce(sum(hash(id || name || lon || lat || key)), 0)::VARCHAR FROM enterprises) AS hash,
              (SELECT count(*) FROM indicators) AS indicators,
              (SELECT count(*) FROM imports) AS imports,
              (SELECT value FROM meta WHERE key = 'data_version') AS version`,
    );
  } finally {
    db.close();
  }
}

function bigCsv(rows: number): string {
  const path = join(temp.dir, 'big.csv');
  const lines = ['id,name,sector,lon,lat'];
  for (let i = 0; i < rows; i++) lines.push(`K${i},大文件企业${i},C3110,${(110 + (i % 1000) / 10000).toFixed(4)},40.6`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Starts an import and SIGKILLs it `delay` ms after its first progress line on stderr. */
async function killImport(file: string, delay: number): Promise<{ signal: NodeJS.Signals | null; progress: string }> {
  const child = spawn(process.execPath, [BIN, '--db', temp.path, 'import', 'enterprises', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let progress = '';
  child.stderr.on('data', (chunk) => {
    if (progress === '' && /rows read/.test(String(chunk))) {
      progress = String(chunk).trim();
      setTimeout(() => child.kill('SIGKILL'), delay);
    }
  });
  const [, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { signal, progress };
}

describe('a process killed mid-import', () => {
  it('leaves the database exactly as it was, killed while reading rows and killed later', async () => {
    const file = bigCsv(800_000);
    const before = await snapshot(temp.path);
    for (const delay of [0, 1000]) {
      const { signal, progress } = await killImport(file, delay);
      expect(progress).toMatch(/big\.csv: [\d,]+ rows read, [\d,]+ rows\/s/);
      // Killed, not finished: otherwise this test would prove nothing.
      expect(signal).toBe('SIGKILL');
      expect(await snapshot(temp.path)).toEqual(before);
    }
    // The database is whole: the next import works.
    const small = join(temp.dir, 'small.csv');
    writeFileSync(small, 'id,name,sector,lon,lat\nAFTER,之后,C3110,110,40.6\n');
    expect((await greenlineInProcess(['--db', temp.path, '--json', 'import', 'enterprises', small])).code).toBe(0);
  });
});

describe('--replace', () => {
  it('refuses the whole swap when one row is bad, then swaps the layer whole, keeping the history of enterprises kept', async () => {
    const db = await Database.open(temp.path);
    const kept = (await db.all<{ id: string; key: number }>('SELECT id, key FROM enterprises ORDER BY id LIMIT 2')).map((r) => r.id);
    const keptIndicators = (
      await db.one<{ n: number }>('SELECT count(*) AS n FROM indicators WHERE list_contains($ids, enterprise_id)', { ids: listValue(kept) })
    )?.n;
    db.close();
    const before = await snapshot(temp.path);
    const bad = join(temp.dir, 'replace-bad.csv');
    writeFileSync(bad, `id,name,sector,lon,lat\n${kept[0]},保留,C3110,110,40.6\nNEW1,新,C9999,110,40.6\n`);
    expect((await greenlineInProcess(['--db', temp.path, 'import', 'enterprises', bad, '--replace'])).code).toBe(1);
    expect(await snapshot(temp.path)).toEqual(before);

    const good = join(temp.dir, 'replace.csv');
    writeFileSync(
      good,
      `id,name,sector,lon,lat\n${kept[0]},保留一,C3110,110,40.6\n${kept[1]},保留二,C3110,110,40.6\nNEW1,新,C3011,118.2,39.65\n`,
    );
    const r = await greenlineInProcess(['--db', temp.path, '--json', 'import', 'enterprises', good, '--replace']);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 3, updated: 2 });
    const after = await Database.open(temp.path);
    expect((await after.all<{ id: string }>('SELECT id FROM enterprises ORDER BY id')).map((x) => x.id)).toEqual([...kept, 'NEW1'].sort());
    expect((await after.one<{ n: number }>('SELECT count(*) AS n FROM indicators'))?.n).toBe(keptIndicators);
    expect((await after.one<{ mode: string }>('SELECT mode FROM imports ORDER BY id DESC LIMIT 1'))?.mode).toBe('replace');
    after.close();
  });
});

describe('ids against the database', () => {
  it('updates an existing id, but refuses one that belongs to a different legal entity', async () => {
    const db = await Database.open(temp.path);
    const e = await db.one<{ id: string; credit_code: string }>(
      'SELECT id, credit_code FROM enterprises WHERE credit_code IS NOT NULL ORDER BY id LIMIT 1',
    );
    db.close();
    // A valid code that is not this enterprise's: two companies under one id.
    const base = '91150200MA0N00001';
    const other = `${base}${creditCodeCheckChar(base)}`;
    expect(other).not.toBe(e?.credit_code);
    const file = join(temp.dir, 'clash.csv');
    writeFileSync(file, `id,name,credit_code,sector,lon,lat\n${e?.id},别的公司,${other},C3110,110,40.6\n`);
    const r = await greenlineInProcess(['--db', temp.path, '--json', 'import', 'enterprises', file]);
    const report = JSON.parse(r.stdout) as { errors: { row: number; field: string; value: string; message: string }[] };
    if (report.errors.length === 0) throw new Error(`expected a clash, got ${r.stdout}`);
    expect(report.errors[0]).toMatchObject({
      row: 2,
      field: 'id',
      value: e?.id,
      message: expect.stringContaining('a different enterprise'),
    });
  });
});
