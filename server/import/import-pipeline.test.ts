/**
 * The all-or-nothing promise, tested once for every layer: a minimal layer (key,value rows written
 * to the meta table) goes through the real pipeline into a real DuckDB database in memory, and a
 * failure at each stage — a bad row, a file that breaks, a refusal or a throw while staging,
 * resolving or merging, a failed write to the import log — must leave every table exactly as it
 * was. Both kinds of staging are run: in the import's transaction, and in memory before it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database, type Queryable } from '../db/database.ts';
import { getMeta, setMeta } from '../db/meta-store.ts';
import { reason } from '../domain/reasons.ts';
import { type ImportLayer, importLayer, type Resolution } from './import-pipeline.ts';
import { ImportFailedError, type ImportReport, problem } from './problems.ts';

type Stage = 'stage' | 'resolve' | 'merge';

interface Note {
  key: string;
  value: string;
  row: number;
}

/**
 * Rows `key,value` become meta entries `note:KEY`. A value that is not a non-negative number is a
 * bad row; a key used twice is refused by the resolve; `failAt` throws at that stage after
 * writing something, as a disk filling up would.
 */
function noteLayer(staging: 'database' | 'memory', failAt?: Stage): ImportLayer<Note> {
  return {
    name: 'notes',
    staging,
    stageBatch: 2,
    noRecords: 'import_no_data_rows',
    missingColumns: (info) => (info.headers.includes('key') ? [] : ['key']),
    async begin(q) {
      let notes: Note[] = [];
      /** Throws at the failing stage, after a write when it has the transaction to write in. */
      const fail = async (stage: Stage, tx: Queryable | null) => {
        if (failAt !== stage) return;
        if (tx) await setMeta(tx, 'note:written-before-failing', stage);
        throw new Error(`no space left on device while ${stage === 'stage' ? 'staging' : `${stage.slice(0, -1)}ing`}`);
      };
      return {
        check(raw) {
          const value = String(raw.values.value ?? '');
          const note = { key: String(raw.values.key), value, row: raw.row };
          if (/^\d+$/.test(value)) return { item: note, errors: [], warnings: [] };
          return { errors: [problem(raw.row, 'value', value, reason('import_non_negative'))], warnings: [] };
        },
        async stage(items) {
          notes.push(...items);
          // Staging in the database writes inside the transaction; in memory, before it, nothing.
          if (staging === 'database') await setMeta(q, 'note:staged', String(notes.length));
          await fail('stage', staging === 'database' ? q : null);
        },
        async resolve(tx) {
          await fail('resolve', tx);
          const found: Resolution = { errors: [], warnings: [], refused: [] };
          const first = new Map<string, number>();
          for (const n of notes) {
            const seen = first.get(n.key);
            if (seen === undefined) first.set(n.key, n.row);
            else {
              found.errors.push(problem(n.row, 'key', n.key, reason('import_duplicate_id', { first: seen })));
              found.refused.push(n.row);
            }
          }
          notes = notes.filter((n) => !found.refused.includes(n.row));
          return found;
        },
        async merge(tx) {
          let updated = 0;
          for (const [i, n] of notes.entries()) {
            if ((await getMeta(tx, `note:${n.key}`)) !== undefined) updated++;
            await setMeta(tx, `note:${n.key}`, n.value);
            if (i === 0) await fail('merge', tx);
          }
          return updated;
        },
      };
    },
  };
}

/** Every table's row count and a hash of its rows, to compare a database with itself before. */
async function snapshot(db: Database): Promise<Record<string, unknown>> {
  const tables = await db.all<{ name: string }>('SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary ORDER BY 1');
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    out[name] = await db.one(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::VARCHAR, '|' ORDER BY t::VARCHAR), '')) AS h FROM "${name.replace(/"/g, '""')}" t`,
    );
  }
  return out;
}

let dir: string;
let db: Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-pipeline-'));
  db = await Database.open(':memory:');
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs an import expected to fail; answers its error. */
async function failing(run: Promise<ImportReport>): Promise<unknown> {
  return run.then(
    (report) => {
      throw new Error(`expected the import to fail, but it imported ${report.imported}`);
    },
    (error: unknown) => error,
  );
}

describe.each(['database', 'memory'] as const)('an import staged in %s', (staging) => {
  /** A database with a committed import already in it, so that "as it was" is not "empty". */
  async function seeded(): Promise<Record<string, unknown>> {
    await importLayer(db, noteLayer(staging), { path: csv('earlier.csv', 'key,value\na,1\nb,2\n') });
    return snapshot(db);
  }

  it('imports valid rows, logs the import and bumps the data version (the control)', async () => {
    const before = await seeded();
    const report = await importLayer(db, noteLayer(staging), { path: csv('notes.csv', 'key,value\na,10\nc,3\n'), username: 'tester' });
    expect(report).toEqual({ file: 'notes.csv', imported: 2, updated: 1, skipped: 0, errors: [], warnings: [] });
    expect(await getMeta(db, 'note:a')).toBe('10');
    expect(await getMeta(db, 'data_version')).toBe('2');
    const log = await db.all('SELECT layer, username, file_name, mode, imported, updated FROM imports ORDER BY id');
    expect(log[1]).toEqual({ layer: 'notes', username: 'tester', file_name: 'notes.csv', mode: 'upsert', imported: 2, updated: 1 });
    expect(await snapshot(db)).not.toEqual(before);
  });

  it('a bad row fails the whole import, reports it, and leaves every table as it was', async () => {
    const before = await seeded();
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('bad.csv', 'key,value\nc,3\nd,-4\ne,5\n') }));
    expect(error).toBeInstanceOf(ImportFailedError);
    const { report } = error as ImportFailedError;
    expect(report).toMatchObject({ imported: 0, updated: 0, skipped: 1 });
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'value', value: '-4', reason: reason('import_non_negative') }),
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('with skipInvalid, imports the valid rows and reports the bad one', async () => {
    await seeded();
    const report = await importLayer(db, noteLayer(staging), { path: csv('bad.csv', 'key,value\nc,3\nd,x\n'), skipInvalid: true });
    expect(report).toMatchObject({ imported: 1, skipped: 1, errors: [expect.objectContaining({ row: 3 })] });
    expect(await getMeta(db, 'note:c')).toBe('3');
    expect(await getMeta(db, 'note:d')).toBeUndefined();
  });

  it('with skipInvalid and no valid row, imports nothing', async () => {
    const before = await seeded();
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('bad.csv', 'key,value\nc,x\n'), skipInvalid: true }));
    expect(error).toBeInstanceOf(ImportFailedError);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a file that breaks part-way fails even with skipInvalid, leaving every table as it was', async () => {
    const before = await seeded();
    const path = csv('broken.csv', 'key,value\nc,3\nd,"4\n');
    const error = await failing(importLayer(db, noteLayer(staging), { path, skipInvalid: true }));
    expect(error).toBeInstanceOf(ImportFailedError);
    expect((error as ImportFailedError).report.errors[0]?.reason.key).toBe('import_quote_unclosed');
    expect(await snapshot(db)).toEqual(before);
  });

  it('rows refused by the checks across rows fail the import, leaving every table as it was', async () => {
    const before = await seeded();
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('twice.csv', 'key,value\nc,3\nc,4\n') }));
    expect((error as ImportFailedError).report).toMatchObject({
      skipped: 1,
      errors: [expect.objectContaining({ row: 3, field: 'key', reason: reason('import_duplicate_id', { first: 2 }) })],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a missing column fails at row 1 naming it, before anything is read', async () => {
    const before = await seeded();
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('nokey.csv', 'name,value\nc,3\n') }));
    expect((error as ImportFailedError).report.errors).toEqual([
      expect.objectContaining({ row: 1, reason: reason('import_missing_columns', { missing: 'key', headers: '["name","value"]' }) }),
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a file without rows fails with the layer’s reason', async () => {
    const before = await seeded();
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('empty.csv', 'key,value\n') }));
    expect((error as ImportFailedError).report.errors).toEqual([
      expect.objectContaining({ row: null, reason: reason('import_no_data_rows') }),
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  for (const stage of ['stage', 'resolve', 'merge'] as const) {
    it(`a failure while ${stage === 'stage' ? 'staging' : `${stage.slice(0, -1)}ing`}, after writing, leaves every table as it was`, async () => {
      const before = await seeded();
      const path = csv('notes.csv', 'key,value\na,10\nc,3\nd,4\n');
      const error = await failing(importLayer(db, noteLayer(staging, stage), { path, skipInvalid: true }));
      expect(error).not.toBeInstanceOf(ImportFailedError);
      expect(String(error)).toMatch(/no space left on device/);
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('a failure writing the import log, after the merge, leaves every table as it was', async () => {
    await seeded();
    // The log's next id taken by hand: its insert, the pipeline's last write, violates the key.
    await db.run(
      `INSERT INTO imports (id, username, layer, file_name, file_sha256, mode, imported, updated, skipped, warning_count, report)
       SELECT max(id) + 1, 'someone', 'notes', 'x.csv', '', 'upsert', 0, 0, 0, 0, '{}' FROM imports`,
    );
    const before = await snapshot(db);
    const error = await failing(importLayer(db, noteLayer(staging), { path: csv('notes.csv', 'key,value\na,10\nc,3\n') }));
    expect(String(error)).toMatch(/constraint/i);
    expect(await snapshot(db)).toEqual(before);
  });
});
