/**
 * Hostile and broken uploads through the HTTP API: zip bombs, deep GeoJSON, wrongly guessed
 * encodings, control characters. Each is refused with a problem naming the file, the row or
 * feature and the limit, never a 500, and leaves the database as it was.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/auth/accounts.ts';
import type { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { square, writeShapefileZip } from '../helpers/import-fixtures.ts';
import { account } from '../helpers/ledger-fixtures.ts';
import { readSse } from '../helpers/sse.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';
import { writeZipBomb } from '../helpers/zip-bomb.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
let bearer: string;

beforeAll(async () => {
  temp = await tempDemoDb(20, 3);
  db = await temp.open();
  // A database path, so that uploads go beside it (test.uploads) where the tests can look.
  app = createApp({ db, config: { ...TEST_CONFIG, dbPath: temp.path } });
  await account(db, 'data-admin', 'admin');
  bearer = `Bearer ${(await issueToken(db, 'data-admin', 'import safety test', null, 'test')).token}`;
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

interface Problem {
  row: number | null;
  field: string | null;
  value: string | null;
  message: string;
}
interface Preview {
  id: string;
  errors: Problem[];
  warnings: Problem[];
  encoding: string | null;
  encodingBy: string | null;
  rows: { row: number; values: Record<string, unknown> }[];
}

function api(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', bearer);
  return app.request(path, { ...init, headers });
}

async function upload(file: Uint8Array | string, name: string, fields: Record<string, string>): Promise<Preview> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
  const res = await api('/api/imports', { method: 'POST', body: form });
  expect(res.status).toBe(201);
  return (await res.json()) as Preview;
}

async function commit(id: string, body: Record<string, unknown> = {}) {
  const res = await api(`/api/imports/${id}/commit`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(200);
  return (await readSse(res)).at(-1) as { event: string; data: { message?: string; report?: { errors: Problem[]; warnings: Problem[] } } };
}

const snapshot = () =>
  db.one('SELECT (SELECT count(*) FROM enterprises) AS n, (SELECT count(*) FROM zones) AS z, (SELECT count(*) FROM imports) AS log');

describe('deep GeoJSON', () => {
  it('refuses a feature nested 200,000 deep, naming the feature and the depth, at preview and at commit', async () => {
    const ok = '{"type":"Feature","properties":{"id":"Z1"},"geometry":null}';
    const deep = `{"type":"Feature","properties":{"id":"Z2"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const text = `{"type":"FeatureCollection","features":[${ok},${deep}]}`;
    const before = await snapshot();
    const preview = await upload(text, 'deep.geojson', { layer: 'zones', kind: 'industrial_park' });
    expect(preview.errors).toEqual([
      {
        row: 2,
        field: null,
        value: null,
        reason: { key: 'import_json_too_deep', params: { feature: 2, depth: 200_002, limit: 64 } },
        message: 'feature 2 nests arrays and objects 200,002 levels deep; the limit is 64',
      },
    ]);
    const failed = await commit(preview.id);
    expect(failed.event).toBe('failed');
    expect(failed.data.message).toBe(
      'deep.geojson row 2: feature 2 nests arrays and objects 200,002 levels deep; the limit is 64; nothing imported',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('zip bombs', () => {
  it('refuses a KMZ expanding to 1 GiB at preview within seconds, naming the entry and the limit', async () => {
    const path = join(temp.dir, 'bomb.kmz');
    writeZipBomb(path, [{ name: 'doc.kml', mib: 1024 }]);
    const started = performance.now();
    const preview = await upload(readFileSync(path), 'bomb.kmz', { layer: 'zones', kind: 'industrial_park' });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(preview.errors[0]?.message).toMatch(
      /^entry "doc\.kml" expands more than 200 times its compressed size.*GREENLINE_MAX_ZIP_RATIO/,
    );
  });
});

describe('text the encoding cannot decode', () => {
  const csv = Buffer.concat([
    Buffer.from('id,name,sector,lon,lat\nENC1,包头测试一,C3110,110,40.6\nENC2,包头测试二,C3110,110,40.6\nENC3,坏'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('字,C3110,110,40.6\n'),
  ]);

  it('reads mostly-UTF-8 Chinese as UTF-8 and refuses the row with invalid bytes, naming row and field', async () => {
    const before = await snapshot();
    const preview = await upload(csv, 'stray.csv', { layer: 'enterprises' });
    expect(preview).toMatchObject({ encoding: 'utf-8', encodingBy: 'mostly utf-8' });
    expect(preview.rows.map((r) => r.values.name)).toEqual(['包头测试一', '包头测试二', '坏\ufffd\ufffd字']);
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'name', value: '坏\ufffd\ufffd字', message: expect.stringContaining('--encoding utf-8') }),
    ]);
    const failed = await commit(preview.id);
    expect(failed.event).toBe('failed');
    expect(failed.data.report?.errors.map((e) => [e.row, e.field])).toEqual([[4, 'name']]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports them as warnings, replaced by U+FFFD, once the encoding is named', async () => {
    const { id } = await upload(csv, 'stray-declared.csv', { layer: 'enterprises' });
    const done = await commit(id, { encoding: 'utf-8' });
    expect(done.event).toBe('done');
    expect(done.data.report?.warnings.map((w) => [w.row, w.field])).toContainEqual([4, 'name']);
    const names = await db.all<{ id: string; name: string }>("SELECT id, name FROM enterprises WHERE id LIKE 'ENC%' ORDER BY id");
    expect(names.map((r) => r.name)).toEqual(['包头测试一', '包头测试二', '坏\ufffd\ufffd字']);
  });
});

describe('control characters', () => {
  const csv = [
    'id,name,sector,lon,lat,备注',
    'CTL1,包头\u0000钢铁,C3110,110,40.6,',
    'CTL2,"两行',
    '名称",C3110,110,40.6,',
    'CTL3,好名称,C3110,110,40.6,"第一行',
    '第二行"',
    'CTL4,响铃,C3110,110,40.6,备\u0007注',
    '',
  ].join('\n');

  it('refuses a NUL in a name, a line break in a name and a bell in a note, showing each escaped; a line break in a note is kept', async () => {
    const before = await snapshot();
    const preview = await upload(csv, 'controls.csv', { layer: 'enterprises' });
    const expected = [
      [2, 'name', '包头\\u0000钢铁'],
      [3, 'name', '两行\\u000a名称'],
      [5, '备注', '备\\u0007注'],
    ];
    expect(preview.errors.map((e) => [e.row, e.field, e.value])).toEqual(expected);
    const failed = await commit(preview.id);
    expect(failed.data.report?.errors.map((e) => [e.row, e.field, e.value])).toEqual(expected);
    expect(await snapshot()).toEqual(before);

    const done = await commit(preview.id, { skip_invalid: true });
    expect(done).toMatchObject({ event: 'done', data: { report: { imported: 1, skipped: 3 } } });
    const kept = await db.all<{ id: string; note: string }>(
      "SELECT id, json_extract_string(attributes, '$.备注') AS note FROM enterprises WHERE id LIKE 'CTL%'",
    );
    expect(kept).toEqual([{ id: 'CTL3', note: '第一行\n第二行' }]);
  });
});

describe('uploads on disk', () => {
  it('unpacks a zipped shapefile once for preview, preview again and commit, in a private folder a restart still reads', async () => {
    const zip = writeShapefileZip(
      temp.dir,
      'reserve.zip',
      [
        { properties: { id: 'NR1', name: '保护区核心区', zone_type: '核心区' }, geometry: square(110, 40.6) },
        { properties: { id: 'NR2', name: '分区不明', zone_type: '外围保护带' }, geometry: square(110.3, 40.6) },
      ],
      { cpg: 'UTF-8' },
    );
    const preview = await upload(readFileSync(zip), 'reserve.zip', { layer: 'zones', kind: 'nature_reserve' });
    expect(preview.errors.map((e) => e.row)).toEqual([2]);
    const dir = join(temp.dir, 'test.uploads');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const manifest = join(dir, `${preview.id}.unzipped`, 'entries.json');
    const unpacked = statSync(manifest).ino;

    // A restarted server (a new app over the same database) finds the upload on disk.
    const restarted = createApp({ db, config: { ...TEST_CONFIG, dbPath: temp.path } });
    const again = await restarted.request(`/api/imports/${preview.id}`, { headers: { authorization: bearer } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Preview).rows.map((r) => r.values.id)).toEqual(['NR1', 'NR2']);
    expect((await commit(preview.id)).event).toBe('failed');
    // Read three times, unpacked once.
    expect(statSync(manifest).ino).toBe(unpacked);

    expect(await commit(preview.id, { skip_invalid: true })).toMatchObject({ event: 'done', data: { report: { imported: 1 } } });
    expect(readdirSync(dir).filter((n) => n.startsWith(preview.id))).toEqual([]);
  });
});
