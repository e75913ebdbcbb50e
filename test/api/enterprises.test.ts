import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { fillMissingSearchText } from '../../server/db/search-text-store.ts';
import { decodePoints } from '../../server/domain/point-payload.ts';
import { createApp } from '../../server/http/app.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  temp = await tempDemoDb(600, 21);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /api/health', () => {
  it('answers ok once the database is open', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true, screening: 'current' } });
  });
});

describe('GET /api/enterprises', () => {
  it('pages with a total', async () => {
    const { status, body } = await get('/api/enterprises?limit=10&offset=5');
    expect(status).toBe(200);
    expect(body.total).toBe(600);
    expect((body.items as unknown[]).length).toBe(10);
    expect((body.items as { id: string }[])[0]?.id).toBe('E0000006');
  });

  it('filters by sector prefix and region, agreeing with the database', async () => {
    const { body } = await get('/api/enterprises?sector=C31&region=130200&limit=1000');
    const expected = await db.one<{ n: number }>(
      "SELECT count(*) AS n FROM enterprises WHERE sector LIKE 'C31%' AND region_code LIKE '1302%'",
    );
    expect(body.total).toBe(expected?.n);
    for (const e of body.items as { sector: string; region_code: string }[]) {
      expect(e.sector.startsWith('C31')).toBe(true);
      expect(e.region_code.startsWith('1302')).toBe(true);
    }
  });

  it('a province includes its prefectures', async () => {
    const hebei = (await get('/api/enterprises?region=130000&limit=1')).body.total as number;
    const im = (await get('/api/enterprises?region=150000&limit=1')).body.total as number;
    expect(hebei + im).toBe(600);
  });

  it('filters by bounding box', async () => {
    const { body } = await get('/api/enterprises?bbox=109,40,111,41&limit=1000');
    for (const e of body.items as { lon: number; lat: number }[]) {
      expect(e.lon).toBeGreaterThanOrEqual(109);
      expect(e.lon).toBeLessThanOrEqual(111);
      expect(e.lat).toBeGreaterThanOrEqual(40);
      expect(e.lat).toBeLessThanOrEqual(41);
    }
  });

  it('filters by status list', async () => {
    const { body } = await get('/api/enterprises?status=retired,mothballed&limit=1000');
    expect((body.items as unknown[]).length).toBeGreaterThan(0);
    for (const e of body.items as { status: string }[]) expect(['retired', 'mothballed']).toContain(e.status);
  });

  it('finds by name text and by credit code', async () => {
    const sample = await db.one<{ name: string; credit_code: string }>(
      'SELECT name, credit_code FROM enterprises WHERE credit_code IS NOT NULL LIMIT 1',
    );
    const byCode = await get(`/api/enterprises?q=${sample?.credit_code}`);
    expect((byCode.body.items as { credit_code: string }[])[0]?.credit_code).toBe(sample?.credit_code);
    const byName = await get(`/api/enterprises?q=${encodeURIComponent((sample?.name ?? '').slice(0, 4))}&limit=1000`);
    expect(byName.body.total as number).toBeGreaterThan(0);
  });

  it('finds by English name, pinyin and credit code, whatever the case, spaces and width', async () => {
    const sample = await db.one<{ id: string; name: string; name_en: string; credit_code: string }>(
      `SELECT id, name, json_extract_string(attributes, '$.name_en') AS name_en, credit_code FROM enterprises
       WHERE credit_code IS NOT NULL AND attributes IS NOT NULL ORDER BY id LIMIT 1`,
    );
    if (!sample) throw new Error('the demo has an enterprise with an English name');
    // "Xingtai Taihe Iron & Steel Co., Ltd." is found by "Taihe", the middle word alone.
    const word = sample.name_en.split(' ')[1] ?? '';
    const fullWidth = (text: string) => text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const code = sample.credit_code;
    for (const q of [
      word,
      word.toUpperCase(),
      fullWidth(word),
      sample.name_en.toLowerCase().replace(/[ ,.&]/g, ''),
      `${code.slice(0, 6)} ${code.slice(6).toLowerCase()}`,
      `${sample.name.slice(0, 2)}　${sample.name.slice(2, 4)}`,
    ]) {
      const { body } = await get(`/api/enterprises?q=${encodeURIComponent(q)}&limit=1000`);
      expect(
        (body.items as { id: string }[]).map((e) => e.id),
        q,
      ).toContain(sample.id);
    }
  });

  it('finds a name without an English form by its pinyin and its initials', async () => {
    await db.run("UPDATE enterprises SET attributes = NULL, search_text = NULL WHERE id = 'E0000001'");
    await db.run("UPDATE enterprises SET name = '邯郸昌盛钢铁有限公司' WHERE id = 'E0000001'");
    await fillMissingSearchText(db);
    for (const q of ['handan changsheng', 'HanDanChangSheng', 'hdcsgt']) {
      const { body } = await get(`/api/enterprises?q=${encodeURIComponent(q)}&limit=1000`);
      expect(
        (body.items as { id: string }[]).map((e) => e.id),
        q,
      ).toContain('E0000001');
    }
  });

  it('matches nothing for a query of only spaces and punctuation', async () => {
    const { body } = await get(`/api/enterprises?q=${encodeURIComponent(' ,. ')}`);
    expect(body.total).toBe(0);
  });

  it('treats % and _ in text search literally', async () => {
    const { body } = await get('/api/enterprises?q=%25');
    expect(body.total).toBe(0);
  });

  it('sorts descending by capacity with nulls last', async () => {
    const { body } = await get('/api/enterprises?sort=capacity&order=desc&limit=50');
    const caps = (body.items as { capacity: number }[]).map((e) => e.capacity);
    expect(caps).toEqual([...caps].sort((a, b) => b - a));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=5000', 'limit'],
    ['offset=-1', 'offset'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=10,0,5,1', 'bbox'],
    ['sector=steel', 'sector'],
    ['region=15', 'region'],
    ['status=open', 'status'],
    ['sort=password', 'sort'],
  ])('answers 400 naming the parameter and value for %s', async (query, param) => {
    const { status, body } = await get(`/api/enterprises?${query}`);
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string };
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain(param);
    expect(error.message).toContain(query.split('=')[1]);
  });
});

describe('GET /api/enterprises/{id}', () => {
  it('returns indicators, equipment and compliance', async () => {
    const id = (await db.one<{ id: string }>('SELECT enterprise_id AS id FROM equipment LIMIT 1'))?.id ?? '';
    const { status, body } = await get(`/api/enterprises/${id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(id);
    expect((body.equipment as unknown[]).length).toBeGreaterThan(0);
    expect(Array.isArray(body.indicators)).toBe(true);
    expect(Array.isArray(body.compliance)).toBe(true);
    const years = (body.indicators as { year: number }[]).map((i) => i.year);
    expect(years).toEqual([...years].sort());
  });

  it('answers 404 as JSON for an unknown id', async () => {
    const { status, body } = await get('/api/enterprises/NOPE');
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        code: 'not_found',
        message: 'no enterprise with id "NOPE"',
        reason: { key: 'enterprise_not_found', params: { id: 'NOPE' } },
      },
    });
  });
});

describe('GET /api/enterprises/points', () => {
  it('serves 17 bytes per enterprise that decode to the stored positions', async () => {
    const res = await app.request('/api/enterprises/points');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const body = await res.arrayBuffer();
    expect(body.byteLength).toBe(16 + 600 * 17);
    const points = decodePoints(body);
    expect(points.count).toBe(600);
    const first = await db.one<{ lon: number; lat: number; key: number }>('SELECT lon, lat, key FROM enterprises ORDER BY key LIMIT 1');
    expect(points.key[0]).toBe(first?.key);
    expect(points.position[0]).toBeCloseTo(first?.lon ?? 0, 4);
    expect(points.position[1]).toBeCloseTo(first?.lat ?? 0, 4);
  });

  it('answers 304 to a matching ETag', async () => {
    const etag = (await app.request('/api/enterprises/points')).headers.get('etag') ?? '';
    const again = await app.request('/api/enterprises/points', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('errors never leak a stack trace', () => {
  it('unknown API routes are JSON 404', async () => {
    const { status, body } = await get('/api/nowhere');
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toContain('at ');
  });
});
