import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KML, writeKmz } from '../../../test/helpers/import-fixtures.ts';
import { readKml } from './kml.ts';
import type { RawRecord, Source } from './record.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-kml-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

const EXPECTED = {
  row: 1,
  values: { name: '测试保护区核心区', id: 'K-1', zone_type: '核心区' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [110, 41],
        [110.1, 41],
        [110.1, 41.1],
        [110, 41],
      ],
    ],
  },
};

describe('readKml', () => {
  it('reads placemarks with their ExtendedData, without styling, as WGS84', async () => {
    const path = join(dir, 'r.kml');
    writeFileSync(path, KML);
    const source = await readKml(path, 'r.kml');
    expect(source.info).toMatchObject({ format: 'kml', crs: 'EPSG:4326' });
    expect(await all(source)).toEqual([EXPECTED]);
  });

  it('reads KMZ, and KML declared as GBK', async () => {
    expect(await all(await readKml(writeKmz(dir, 'r.kmz', KML), 'r.kmz', true))).toEqual([EXPECTED]);
    const gbk = join(dir, 'gbk.kml');
    writeFileSync(gbk, iconv.encode(KML.replace('encoding="UTF-8"', 'encoding="GBK"'), 'gbk'));
    expect(await all(await readKml(gbk, 'gbk.kml'))).toEqual([EXPECTED]);
  });

  it('refuses XML that is not well-formed, and XML that is not KML', async () => {
    const broken = join(dir, 'broken.kml');
    writeFileSync(broken, KML.replace('</Placemark>', ''));
    await expect(readKml(broken, 'broken.kml')).rejects.toThrow(/^broken\.kml: not well-formed KML/);
    const other = join(dir, 'gpx.kml');
    writeFileSync(other, '<?xml version="1.0"?><gpx></gpx>');
    await expect(readKml(other, 'gpx.kml')).rejects.toThrow('gpx.kml: the root element is <gpx>, not <kml>');
  });

  it('refuses folders nested 200,000 deep instead of overflowing the stack, and reads 90 levels', async () => {
    const nested = (levels: number) =>
      KML.replace('<Placemark>', `${'<Folder>'.repeat(levels)}<Placemark>`).replace(
        '</Placemark>',
        `</Placemark>${'</Folder>'.repeat(levels)}`,
      );
    const deep = join(dir, 'deep.kml');
    writeFileSync(deep, nested(200_000));
    await expect(readKml(deep, 'deep.kml')).rejects.toThrow('deep.kml: elements nest more than 100 levels deep (at <Folder> on line 5)');
    const fine = join(dir, 'fine.kml');
    writeFileSync(fine, nested(90));
    expect(await all(await readKml(fine, 'fine.kml'))).toEqual([EXPECTED]);
  });
});
