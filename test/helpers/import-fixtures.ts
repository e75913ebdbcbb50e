/**
 * Builds import fixtures of every format in a directory, deterministically, so that no binary
 * fixture is committed: CSV in several encodings, broken and huge-row CSV, XLSX with sheets,
 * zipped shapefiles in UTF-8 and GBK with and without .cpg, (Geo)Parquet, KML and KMZ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import iconv from 'iconv-lite';
import { DbfLayout, dbfHeader, dbfRecord, type Encode } from '../../server/export/formats/shapefile/dbf.ts';
import {
  type BBox,
  bboxOf,
  mergeBox,
  recordHeader,
  SHAPE_POINT,
  SHAPE_POLYGON,
  shapeContent,
  shpHeader,
} from '../../server/export/formats/shapefile/shp.ts';
import { WGS84_PRJ } from '../../server/export/formats/shapefile.ts';
import type { ExportColumn } from '../../server/export/formats/table.ts';

export function writeText(dir: string, name: string, text: string, encoding = 'utf-8', bom = false): string {
  const path = join(dir, name);
  const bytes = iconv.encode(text, encoding);
  writeFileSync(path, bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes);
  return path;
}

/** The enterprise ledger every encoding test reads: Chinese headers and names, a rare GB18030 four-byte character. */
export const LEDGER = [
  '企业编号,企业名称,统一社会信用代码,行业代码,经度,纬度,联系人',
  'T1,包头市钢铁有限公司,91150200MA0N000001,C3120,109.85,40.62,张三',
  'T2,唐山𠀀水泥厂,,C3011,118.2,39.65,李四',
].join('\r\n');

export async function writeXlsx(dir: string, name: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const path = join(dir, name);
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) workbook.addWorksheet(sheet).addRows(rows);
  await workbook.xlsx.writeFile(path);
  return path;
}

export interface FixtureFeature {
  properties: Record<string, unknown>;
  geometry: Point | Polygon | MultiPolygon | null;
}

/**
 * A zipped shapefile written byte by byte through Greenline's own shapefile records, with the
 * attribute table in any encoding and the .cpg and .prj chosen by the test.
 */
export function writeShapefileZip(
  dir: string,
  name: string,
  features: readonly FixtureFeature[],
  options: { encoding?: string; cpg?: string | null; prj?: string | null; languageDriver?: number } = {},
): string {
  const columns: ExportColumn[] = Object.keys(features[0]?.properties ?? {}).map((k) => ({
    name: k,
    type:
      typeof features[0]?.properties[k] === 'number' ? 'number' : typeof features[0]?.properties[k] === 'boolean' ? 'boolean' : 'string',
  }));
  const encode: Encode = (text) => iconv.encode(text, options.encoding ?? 'utf-8');
  const layout = new DbfLayout(columns);
  for (const f of features) layout.measure(columns.map((c) => f.properties[c.name] ?? null));
  const fields = layout.fields(columns.map((c) => c.name));
  const point = features.some((f) => f.geometry?.type === 'Point');
  let box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const records: Buffer[] = [];
  const index: Buffer[] = [];
  let offset = 100;
  features.forEach((f, i) => {
    const content = shapeContent(f.geometry);
    if (f.geometry) box = mergeBox(box, bboxOf(f.geometry));
    const entry = Buffer.alloc(8);
    entry.writeInt32BE(offset / 2, 0);
    entry.writeInt32BE(content.length / 2, 4);
    index.push(entry);
    records.push(recordHeader(i + 1, content.length), content);
    offset += 8 + content.length;
  });
  const type = point ? SHAPE_POINT : SHAPE_POLYGON;
  const shp = Buffer.concat([shpHeader(type, offset, box), ...records]);
  const shx = Buffer.concat([shpHeader(type, 100 + 8 * features.length, box), ...index]);
  const header = dbfHeader(fields, features.length, new Date(Date.UTC(2024, 0, 1)), encode);
  if (options.languageDriver !== undefined) header.writeUInt8(options.languageDriver, 29);
  const dbf = Buffer.concat([
    header,
    ...features.map((f) =>
      dbfRecord(
        fields,
        columns.map((c) => f.properties[c.name] ?? null),
        layout,
        encode,
      ),
    ),
    Buffer.from([0x1a]),
  ]);
  const stem = name.replace(/\.zip$/, '');
  const files: Record<string, Uint8Array> = { [`${stem}.shp`]: shp, [`${stem}.shx`]: shx, [`${stem}.dbf`]: dbf };
  const prj = options.prj === undefined ? WGS84_PRJ : options.prj;
  if (prj !== null) files[`${stem}.prj`] = Buffer.from(prj);
  if (options.cpg) files[`${stem}.cpg`] = Buffer.from(options.cpg);
  const path = join(dir, name);
  writeFileSync(path, zipSync(files));
  return path;
}

/** Parquet through DuckDB: `select` names the columns; `geo` is the GeoParquet metadata to attach, if any. */
export async function writeParquet(dir: string, name: string, select: string, geo?: object): Promise<string> {
  const path = join(dir, name);
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    // Off, so a WKB column stays a BLOB and the metadata written is exactly the test's.
    await conn.run('SET enable_geoparquet_conversion = false');
    const metadata = geo ? `, KV_METADATA {geo: '${JSON.stringify(geo).replace(/'/g, "''")}'}` : '';
    await conn.run(`COPY (${select}) TO '${path}' (FORMAT parquet${metadata})`);
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return path;
}

export const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <Style id="s"><LineStyle><color>ff0000ff</color></LineStyle></Style>
    <Placemark>
      <name>测试保护区核心区</name>
      <styleUrl>#s</styleUrl>
      <ExtendedData><Data name="id"><value>K-1</value></Data><Data name="zone_type"><value>核心区</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>110,41 110.1,41 110.1,41.1 110,41</coordinates></LinearRing></outerBoundaryIs></Polygon>
    </Placemark>
  </Document>
</kml>`;

export function writeKmz(dir: string, name: string, kml: string): string {
  const path = join(dir, name);
  writeFileSync(path, zipSync({ 'doc.kml': Buffer.from(kml) }));
  return path;
}

export const square = (x: number, y: number, d = 0.1): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

/**
 * Reserve outlines as most publishers release them: name, level and area, but no functional
 * zoning (核心区/缓冲区/实验区). Two reserves in Hulunbuir, far from the demo's zoned ones.
 */
export function unzonedReservesGeoJson(): string {
  const reserve = (id: string, name: string, level: string, x: number, y: number) => ({
    type: 'Feature',
    properties: { id, 保护区名称: name, 级别: level, 面积_公顷: 12_100 },
    geometry: square(x, y),
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [reserve('UZ-1', '测试湿地自然保护区', '省级', 120, 50), reserve('UZ-2', '测试森林自然保护区', '国家级', 120.3, 50)],
  });
}
