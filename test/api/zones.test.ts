import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  temp = await tempDemoDb(50, 3);
  db = await temp.open();
  app = createApp({ db, config: TEST_CONFIG });
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

interface FC {
  type: string;
  features: { id: string; properties: Record<string, unknown>; geometry: { type: string } }[];
}

describe('GET /api/zones', () => {
  it('serves nature reserves with their zone types as GeoJSON', async () => {
    const res = await app.request('/api/zones?kind=nature_reserve');
    const fc = (await res.json()) as FC;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBe(42);
    const types = new Set(fc.features.map((f) => f.properties.zone_type));
    expect(types).toEqual(new Set(['core', 'buffer', 'experimental']));
    const core = fc.features.find((f) => f.id === 'NR-daqingshan-core');
    expect(core?.properties.name).toBe('大青山国家级自然保护区核心区');
    expect(core?.properties.reserve).toBe('daqingshan');
    expect(core?.geometry.type).toBe('Polygon');
  });

  it('serves every kind, and all of them without a kind', async () => {
    const counts: Record<string, number> = {};
    for (const kind of ['built_up', 'river_basin', 'key_region', 'industrial_park']) {
      counts[kind] = ((await (await app.request(`/api/zones?kind=${kind}`)).json()) as FC).features.length;
    }
    expect(counts).toEqual({ built_up: 23, river_basin: 2, key_region: 1, industrial_park: 51 });
    const everything = (await (await app.request('/api/zones')).json()) as FC;
    expect(everything.features.length).toBe(119);
  });

  it('answers 400 for an unknown kind', async () => {
    expect((await app.request('/api/zones?kind=lakes')).status).toBe(400);
  });
});

describe('GET /api/regions', () => {
  it('serves provinces and prefectures with real boundaries', async () => {
    const fc = (await (await app.request('/api/regions')).json()) as FC;
    expect(fc.features.length).toBe(25);
    const baotou = fc.features.find((f) => f.id === '150200');
    expect(baotou?.properties).toMatchObject({ name: '包头市', name_en: 'Baotou', level: 'prefecture', parent: '150000' });
    const prefectures = ((await (await app.request('/api/regions?level=prefecture')).json()) as FC).features;
    expect(prefectures.length).toBe(23);
  });
});

describe('OpenAPI', () => {
  it('documents every route with the schemas that validate requests', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/enterprises', '/enterprises/{id}', '/zones', '/regions']));
    const list = doc.paths['/enterprises'] as { get: { parameters: { name: string }[] } };
    expect(list.get.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['bbox', 'sector', 'region', 'status', 'q', 'limit', 'offset', 'sort']),
    );
    expect(doc.components.schemas.Enterprise).toBeDefined();
  });

  it('serves the docs page and its assets from our own origin', async () => {
    const page = await (await app.request('/api/docs')).text();
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith('/api/docs/')).toBe(true);
      expect((await app.request(asset)).status).toBe(200);
    }
  });
});
