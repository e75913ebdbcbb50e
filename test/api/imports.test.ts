import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/auth/accounts.ts';
import type { Database } from '../../server/db/database.ts';
import { type Reason, wordReason } from '../../server/domain/reasons.ts';
import { createApp } from '../../server/http/app.ts';
import { unzonedReservesGeoJson } from '../helpers/import-fixtures.ts';
import { account } from '../helpers/ledger-fixtures.ts';
import { readSse } from '../helpers/sse.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;
/** Imports are for administrators; these tests call as one, with an API token. */
let bearer: string;

beforeAll(async () => {
  temp = await tempDemoDb(40, 5);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
  await account(db, 'data-admin', 'admin');
  bearer = `Bearer ${(await issueToken(db, 'data-admin', 'imports test', null, 'test')).token}`;
});

function api(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', bearer);
  return app.request(path, { ...init, headers });
}
afterAll(() => {
  db.close();
  temp.cleanup();
});

function upload(file: Uint8Array | string, name: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
  return api('/api/imports', { method: 'POST', body: form });
}

const commit = (id: string, body: Record<string, unknown> = {}) =>
  api(`/api/imports/${id}/commit`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

const snapshot = () =>
  db.one<{ n: number; z: number; log: number }>(
    'SELECT (SELECT count(*) FROM enterprises) AS n, (SELECT count(*) FROM zones) AS z, (SELECT count(*) FROM imports) AS log',
  );

const GBK_CSV = iconv.encode(
  '企业名称,统一社会信用代码,行业代码,经度,纬度\n包头网上钢铁,91150200MA0N000001,C3120,109.85,40.62\n唐山网上水泥,,C3011,118.2,39.65\n',
  'gbk',
);

describe('POST /api/imports', () => {
  it('stores a GBK CSV and previews it: encoding found without being told, columns recognised, first rows', async () => {
    const res = await upload(GBK_CSV, '企业台账.csv', { layer: 'enterprises' });
    expect(res.status).toBe(201);
    const p = (await res.json()) as Record<string, unknown> & { rows: { row: number; values: Record<string, unknown> }[] };
    expect(p).toMatchObject({
      file: '企业台账.csv',
      layer: 'enterprises',
      format: 'csv',
      encoding: 'gb18030',
      encodingBy: 'chardet',
      crs: { name: 'EPSG:4326', from: 'assumed', suggestion: null },
      columns: { name: '企业名称', credit_code: '统一社会信用代码', sector: '行业代码', lon: '经度', lat: '纬度' },
    });
    expect(p.rows.map((r) => [r.row, r.values.企业名称])).toEqual([
      [2, '包头网上钢铁'],
      [3, '唐山网上水泥'],
    ]);
    // Row 3 has no credit code and no id: the preview already says so.
    expect(p.errors).toEqual([expect.objectContaining({ row: 3, field: 'id' })]);
  });

  it('refuses what is not a multipart upload, a missing layer, and a zone file without its kind', async () => {
    const plain = await api('/api/imports', { method: 'POST', body: 'a,b', headers: { 'content-type': 'text/csv' } });
    expect(plain.status).toBe(415);
    const noLayer = await upload('a,b\n1,2\n', 'x.csv', {});
    expect(noLayer.status).toBe(400);
    expect(((await noLayer.json()) as { error: { message: string } }).error.message).toContain('layer');
    const noKind = await upload('{"type":"FeatureCollection","features":[]}', 'z.geojson', { layer: 'zones' });
    expect(noKind.status).toBe(400);
    expect(((await noKind.json()) as { error: { message: string } }).error.message).toContain('kind');
  });

  it('refuses an upload over the size limit with 413 and keeps nothing', async () => {
    const before = process.env.GREENLINE_MAX_UPLOAD_MB;
    process.env.GREENLINE_MAX_UPLOAD_MB = '0.001';
    try {
      const small = createApp({ db, config: TEST_CONFIG });
      const form = new FormData();
      form.append('layer', 'enterprises');
      form.append('file', new Blob(['x'.repeat(5000)]), 'big.csv');
      const res = await small.request('/api/imports', { method: 'POST', body: form, headers: { authorization: bearer } });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('GREENLINE_MAX_UPLOAD_MB');
    } finally {
      if (before === undefined) delete process.env.GREENLINE_MAX_UPLOAD_MB;
      else process.env.GREENLINE_MAX_UPLOAD_MB = before;
    }
  });

  it('previews a zone file in a projected CRS named by the file, and again with another CRS', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4525' } },
      features: [
        {
          type: 'Feature',
          properties: { id: 'P-GK', name: '高斯园区' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [37542383.97, 4485168.86],
                [37543383.97, 4485168.86],
                [37543383.97, 4486168.86],
                [37542383.97, 4485168.86],
              ],
            ],
          },
        },
      ],
    });
    const res = await upload(geojson, 'parks.geojson', { layer: 'zones', kind: 'industrial_park' });
    const p = (await res.json()) as { id: string; crs: unknown; errors: unknown[]; rows: { geometry: string }[] };
    expect(p.crs).toEqual({ name: 'EPSG:4525', from: 'file', suggestion: null, suggestionReason: null });
    expect(p.errors).toEqual([]);
    expect(p.rows[0]?.geometry).toBe('POLYGON (4 vertices)');
    const again = await api(`/api/imports/${p.id}?crs=EPSG:4326`);
    const q = (await again.json()) as { crs: unknown; errors: { message: string }[] };
    expect(q.crs).toMatchObject({ name: 'EPSG:4326', from: 'option' });
    expect(q.errors[0]?.message).toContain('EPSG:4525');
  });
});

describe('reserve layers without functional zoning', () => {
  it('are previewed and imported as whole reserves, unzoned, with one warning for the file', async () => {
    const { id, warnings } = (await (
      await upload(unzonedReservesGeoJson(), 'reserves.geojson', { layer: 'zones', kind: 'nature_reserve' })
    ).json()) as { id: string; errors: unknown[]; warnings: { field: string; message: string }[] };
    expect(warnings).toEqual([
      expect.objectContaining({
        row: null,
        field: 'zone_type',
        message: expect.stringMatching(/^2 nature reserve feature\(s\) have no functional zoning/),
      }),
    ]);
    const done = (await readSse(await commit(id))).at(-1);
    expect(done).toMatchObject({ event: 'done', data: { report: { imported: 2, errors: [] } } });
    const report = (done?.data as { report: { warnings: { message: string }[] } }).report;
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]?.message).toContain('imported as whole reserves, zone type unzoned; screened by rule P1-reserve-unzoned');
    expect(await db.all("SELECT id, zone_type FROM zones WHERE id LIKE 'UZ-%' ORDER BY id")).toEqual([
      { id: 'UZ-1', zone_type: 'unzoned' },
      { id: 'UZ-2', zone_type: 'unzoned' },
    ]);
  });
});

describe('POST /api/imports/{id}/commit', () => {
  it('imports with progress events and a final report, re-screens, and logs the import with who made it', async () => {
    const csv = 'id,name,sector,lon,lat\nW1,网上一号,C3110,110,40.6\nW2,网上二号,C3011,118.2,39.65\n';
    const { id } = (await (await upload(csv, 'web.csv', { layer: 'enterprises' })).json()) as { id: string };
    const res = await commit(id);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = await readSse(res);
    expect(events[0]?.event).toBe('progress');
    expect(events.map((e) => e.event)).toContain('screening');
    expect(events.at(-1)).toEqual({
      event: 'done',
      data: {
        report: expect.objectContaining({ imported: 2, skipped: 0, errors: [] }),
        screening: expect.objectContaining({ enterprises: 2 }),
      },
    });
    // Only the two new plants were screened, before the import answered.
    const runs = await db.one<{ n: number }>("SELECT count(*) AS n FROM screening_runs WHERE scope = 'partial'");
    expect(runs?.n).toBeGreaterThan(0);
    expect((await db.all("SELECT id FROM enterprises WHERE id LIKE 'W%' ORDER BY id")).map((r) => r.id)).toEqual(['W1', 'W2']);
    const log = (await (await api('/api/imports?limit=1')).json()) as { items: Record<string, unknown>[] };
    expect(log.items[0]).toMatchObject({ username: 'data-admin', layer: 'enterprises', file_name: 'web.csv', imported: 2, mode: 'upsert' });
    expect(String(log.items[0]?.file_sha256)).toMatch(/^[0-9a-f]{64}$/);
    // A committed upload is gone.
    expect((await commit(id)).status).toBe(404);
  });

  it('reports every bad row in a failed event and changes nothing; skip_invalid then imports the rest', async () => {
    const csv = 'id,name,sector,lon,lat\nF1,好,C3110,110,40.6\nF2,坏行业,C9999,110,40.6\nF3,颠倒,C3110,40.6,110.2\n';
    const { id } = (await (await upload(csv, 'bad.csv', { layer: 'enterprises' })).json()) as { id: string };
    const before = await snapshot();
    const failed = (await readSse(await commit(id))).at(-1);
    expect(failed?.event).toBe('failed');
    const errors = (failed?.data.report as { errors: { row: number; field: string; reason: Reason; message: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'sector'],
      [4, 'lon/lat'],
    ]);
    // Each problem comes with its reason, which the Chinese dialog words in Chinese, and the English message.
    expect(errors.map((e) => e.reason.key)).toEqual(['import_unknown_sector', 'import_out_of_range']);
    expect(errors.map((e) => wordReason(e.reason, 'zh'))).toEqual([
      '不是有效的 GB/T 4754-2017 行业代码（示例：C3110, 3110）',
      '坐标超出范围：经度须在 ±180 以内，纬度须在 ±90 以内（像是经纬度填反了）',
    ]);
    expect(errors[1]?.message).toBe(
      'coordinates out of range: longitude must be within ±180 and latitude within ±90 (looks like lat/lon swapped)',
    );
    expect(await snapshot()).toEqual(before);
    const done = (await readSse(await commit(id, { skip_invalid: true }))).at(-1);
    expect(done).toMatchObject({ event: 'done', data: { report: { imported: 1, skipped: 2 } } });
  });

  it('imports yearly indicators, replacing only the year sent again', async () => {
    const [e] = await db.all<{ id: string }>('SELECT id FROM enterprises ORDER BY id LIMIT 1');
    const before = await db.all<{ year: number; energy_tce: number }>(
      'SELECT year, energy_tce FROM indicators WHERE enterprise_id = $id ORDER BY year',
      { id: e?.id ?? '' },
    );
    const csv = `企业编号,年份,综合能耗（吨标准煤）,工业增加值\n${e?.id},2024,123.5,456\n`;
    const { id } = (await (await upload(csv, 'ind.csv', { layer: 'indicators' })).json()) as { id: string };
    expect((await readSse(await commit(id))).at(-1)).toMatchObject({ event: 'done', data: { report: { imported: 1, updated: 1 } } });
    const after = await db.all<{ year: number; energy_tce: number }>(
      'SELECT year, energy_tce FROM indicators WHERE enterprise_id = $id ORDER BY year',
      { id: e?.id ?? '' },
    );
    expect(after.map((r) => r.year)).toEqual(before.map((r) => r.year));
    expect(after.find((r) => r.year === 2024)?.energy_tce).toBe(123.5);
    expect(after.filter((r) => r.year !== 2024)).toEqual(before.filter((r) => r.year !== 2024));
  });

  it('refuses an unknown upload and a bad column map before starting', async () => {
    expect((await commit('u000000000000000000000000')).status).toBe(404);
    const { id } = (await (await upload('name,x,y\n一,110,40\n', 'm.csv', { layer: 'enterprises' })).json()) as { id: string };
    const res = await commit(id, { map: 'x=longitude_please' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('longitude_please');
  });
});
