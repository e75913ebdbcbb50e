import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FixtureFeature, square, writeShapefileZip } from '../../../test/helpers/import-fixtures.ts';
import type { Reason } from '../../domain/reasons.ts';
import { inEnglish } from '../../domain/reasons.ts';
import type { RawRecord, Source } from './record.ts';
import { readShapefile } from './shapefile.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-shp-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all(source: Source): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const batch of source.batches) out.push(...batch);
  return out;
}

const RESERVES: FixtureFeature[] = [
  { properties: { 编号: 'R1', 名称: '大青山国家级自然保护区', 功能区: '核心区', 面积: 1520.5 }, geometry: square(111, 40.9) },
  { properties: { 编号: 'R2', 名称: '乌拉山自然保护区', 功能区: '缓冲区', 面积: 88 }, geometry: square(109, 40.8) },
];

describe('readShapefile attribute encodings', () => {
  it('honours a .cpg', async () => {
    const source = await readShapefile(writeShapefileZip(dir, 'utf8.zip', RESERVES, { cpg: 'UTF-8' }), 'utf8.zip');
    expect(source.info).toMatchObject({ format: 'shapefile', encoding: 'utf-8', encodingBy: '.cpg', layer: 'utf8' });
    expect((await all(source)).map((r) => r.values.名称)).toEqual(['大青山国家级自然保护区', '乌拉山自然保护区']);
  });

  it('honours a .cpg naming GBK by its code page, 936', async () => {
    const source = await readShapefile(writeShapefileZip(dir, 'cp936.zip', RESERVES, { encoding: 'gbk', cpg: '936' }), 'cp936.zip');
    expect(source.info).toMatchObject({ encoding: 'gb18030', encodingBy: '.cpg' });
    expect(source.info.headers).toEqual(['编号', '名称', '功能区', '面积']);
    expect((await all(source))[0]?.values).toEqual({ 编号: 'R1', 名称: '大青山国家级自然保护区', 功能区: '核心区', 面积: 1520.5 });
  });

  it('detects a GBK table when there is no .cpg', async () => {
    const source = await readShapefile(writeShapefileZip(dir, 'gbk.zip', RESERVES, { encoding: 'gbk', cpg: null }), 'gbk.zip');
    expect(source.info).toMatchObject({ encoding: 'gb18030', encodingBy: 'chardet' });
    expect((await all(source)).map((r) => r.values.功能区)).toEqual(['核心区', '缓冲区']);
  });

  it('reads the DBF language driver byte when it names GBK', async () => {
    const source = await readShapefile(
      writeShapefileZip(dir, 'ldid.zip', RESERVES, { encoding: 'gbk', cpg: null, languageDriver: 0x4d }),
      'ldid.zip',
    );
    expect(source.info).toMatchObject({ encoding: 'gb18030', encodingBy: 'DBF language driver' });
  });

  it('overrules a .cpg that says UTF-8 over a GBK table, and says so', async () => {
    const source = await readShapefile(writeShapefileZip(dir, 'liar.zip', RESERVES, { encoding: 'gbk', cpg: 'UTF-8' }), 'liar.zip');
    expect(source.info.encoding).toBe('gb18030');
    expect(source.info.notes).toEqual([{ key: 'import_cpg_not_utf8', params: { encoding: 'gb18030', declared: 'UTF-8', ext: '.cpg' } }]);
    expect(inEnglish(source.info.notes[0] as Reason)).toBe(
      'the .cpg says UTF-8 but the attribute table is not valid UTF-8; read it as gb18030',
    );
    expect((await all(source))[0]?.values.名称).toBe('大青山国家级自然保护区');
  });
});

describe('readShapefile contents', () => {
  it('gives the .prj as the file CRS and geometries as GeoJSON', async () => {
    const prj = 'PROJCS["CGCS2000_3_Degree_GK_CM_111E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000"]]';
    const source = await readShapefile(writeShapefileZip(dir, 'p.zip', RESERVES, { cpg: 'UTF-8', prj }), 'p.zip');
    expect(source.info.crs).toBe(prj);
    const rows = await all(source);
    expect(rows[0]?.geometry?.type).toBe('Polygon');
    expect(rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it('reads a null shape as a record without geometry', async () => {
    const source = await readShapefile(
      writeShapefileZip(dir, 'n.zip', [RESERVES[0] as FixtureFeature, { properties: { ...RESERVES[1]?.properties }, geometry: null }], {
        cpg: 'UTF-8',
      }),
      'n.zip',
    );
    expect((await all(source)).map((r) => r.geometry === null)).toEqual([false, true]);
  });

  it('asks which layer when a zip holds several, and reads the one named', async () => {
    const a = writeShapefileZip(dir, 'a.zip', RESERVES, { cpg: 'UTF-8' });
    const b = writeShapefileZip(dir, 'b.zip', RESERVES.slice(0, 1), { cpg: 'UTF-8' });
    const { unzipSync } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const both = join(dir, 'both.zip');
    writeFileSync(both, zipSync({ ...unzipSync(readFileSync(a)), ...unzipSync(readFileSync(b)) }));
    await expect(readShapefile(both, 'both.zip')).rejects.toThrow(
      'both.zip: the zip holds 2 shapefiles (a, b); pick one with --layer NAME',
    );
    const source = await readShapefile(both, 'both.zip', { layer: 'b' });
    expect(await all(source)).toHaveLength(1);
  });

  it('refuses a zip without a .shp, a zip without the .dbf, and a file that is not a zip', async () => {
    const none = join(dir, 'none.zip');
    writeFileSync(none, zipSync({ 'readme.txt': Buffer.from('hi') }));
    await expect(readShapefile(none, 'none.zip')).rejects.toThrow('none.zip: the zip holds no .shp file');
    const { unzipSync } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const entries = unzipSync(readFileSync(writeShapefileZip(dir, 'x.zip', RESERVES, { cpg: 'UTF-8' })));
    delete entries['x.dbf'];
    const noDbf = join(dir, 'nodbf.zip');
    writeFileSync(noDbf, zipSync(entries));
    await expect(readShapefile(noDbf, 'nodbf.zip')).rejects.toThrow('nodbf.zip: shapefile "x" has no .dbf attribute table');
    const notZip = join(dir, 'n.zip');
    writeFileSync(notZip, 'hello');
    await expect(readShapefile(notZip, 'n.zip')).rejects.toThrow(/not a zip file/);
  });

  it('reports a truncated .shp at the record where it breaks', async () => {
    const { unzipSync } = await import('fflate');
    const { readFileSync } = await import('node:fs');
    const entries = unzipSync(readFileSync(writeShapefileZip(dir, 't.zip', RESERVES, { cpg: 'UTF-8' })));
    entries['t.shp'] = (entries['t.shp'] as Uint8Array).slice(0, 100 + 8 + 40);
    const cut = join(dir, 'cut.zip');
    writeFileSync(cut, zipSync(entries));
    const source = await readShapefile(cut, 'cut.zip');
    await expect(all(source)).rejects.toThrow(/cut\.zip: row 1: the record cannot be read/);
  });
});
