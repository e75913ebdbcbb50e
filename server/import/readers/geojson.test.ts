import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGeoJson } from './geojson.ts';
import type { RawRecord, Source } from './record.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-geojson-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

describe('readGeoJson', () => {
  it('takes a feature id as the id property and the legacy crs member as the file CRS (name or code)', async () => {
    const named = await readGeoJson(
      write(
        'a.geojson',
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'EPSG:3857' } },
          features: [{ type: 'Feature', id: 7, properties: { name: 'x' }, geometry: null }],
        }),
      ),
      'a.geojson',
    );
    expect(named.info).toMatchObject({ crs: 'EPSG:3857', headers: ['id', 'name'] });
    expect(await all(named)).toEqual([{ row: 1, values: { name: 'x', id: 7 }, geometry: null }]);
    const coded = await readGeoJson(
      write('b.geojson', JSON.stringify({ type: 'FeatureCollection', crs: { type: 'EPSG', properties: { code: 4547 } }, features: [] })),
      'b.geojson',
    );
    expect(coded.info.crs).toBe('EPSG:4547');
  });

  it('refuses broken JSON, an empty file, and JSON that is not GeoJSON', async () => {
    await expect(readGeoJson(write('broken.geojson', '{"type":"FeatureCollection","features":['), 'broken.geojson')).rejects.toThrow(
      /^broken\.geojson: not valid JSON/,
    );
    await expect(readGeoJson(write('empty.geojson', ''), 'empty.geojson')).rejects.toThrow('empty.geojson: the file is empty');
    await expect(readGeoJson(write('list.json', '[1,2]'), 'list.json')).rejects.toThrow(
      'list.json: expected a GeoJSON FeatureCollection, Feature or geometry, found type "undefined"',
    );
  });
});
