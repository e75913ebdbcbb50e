/**
 * Zipped ESRI Shapefile: .shp, .shx, .dbf (UTF-8), .cpg saying so, and a .prj for WGS84, as GDAL
 * and ArcGIS expect. Two passes over the rows: the first sizes the DBF fields and the files, the
 * second writes them; then they are zipped, streaming, into the output.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { FileSink } from './file-sink.ts';
import { DbfLayout, dbfHeader, dbfRecord, fieldNames } from './shapefile/dbf.ts';
import { type BBox, bboxOf, mergeBox, recordHeader, SHAPE_POINT, SHAPE_POLYGON, shapeContent, shpHeader } from './shapefile/shp.ts';
import type { ExportGeometry, ExportResult, ExportTable } from './table.ts';

/** WGS 84 as ESRI writes it; GDAL identifies it as EPSG:4326. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function contentBytes(g: ExportGeometry | null | undefined): number {
  if (!g) return 4;
  if (g.type === 'Point') return 20;
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let rings = 0;
  let points = 0;
  for (const part of parts) {
    rings += part.length;
    for (const ring of part) points += ring.length;
  }
  return 44 + 4 * rings + 16 * points;
}

/** Zips files into `out`, streaming; fflate's ZipDeflate calls back synchronously, so chunks are queued and written between pushes. */
async function zipFiles(out: string, files: readonly { name: string; path: string }[]): Promise<void> {
  const sink = new FileSink(out);
  let queued: Uint8Array[] = [];
  let failure: Error | undefined;
  let finished = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      queued.push(chunk);
      if (final) finished = true;
    }
  });
  const flush = async () => {
    if (failure) throw failure;
    const chunks = queued;
    queued = [];
    for (const c of chunks) await sink.write(c);
  };
  try {
    for (const f of files) {
      const entry = new ZipDeflate(f.name, { level: 6 });
      zip.add(entry);
      for await (const chunk of createReadStream(f.path)) {
        entry.push(chunk as Uint8Array);
        await flush();
      }
      entry.push(new Uint8Array(0), true);
      await flush();
    }
    zip.end();
    await flush();
    if (!finished) throw new Error('the zip was not completed');
    await sink.close();
  } catch (error) {
    sink.destroy();
    throw error;
  }
}

export async function writeShapefile(path: string, table: ExportTable): Promise<ExportResult> {
  if (!table.geometry) throw new Error(`a shapefile needs geometry; ${table.name} has none`);
  const shapeType = table.geometry === 'point' ? SHAPE_POINT : SHAPE_POLYGON;
  const layout = new DbfLayout(table.columns);
  let count = 0;
  let shpBytes = 100;
  let box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for await (const batch of table.rows()) {
    for (const row of batch) {
      layout.measure(row.values);
      shpBytes += 8 + contentBytes(row.geometry);
      if (row.geometry) box = mergeBox(box, bboxOf(row.geometry));
      count++;
    }
  }
  const names = fieldNames(table.columns.map((c) => c.name));
  const fields = layout.fields(names);
  const notes: string[] = [];
  table.columns.forEach((c, i) => {
    if (c.name !== names[i]) notes.push(`column ${c.name} is the shapefile field ${names[i]} (DBF names hold 10 bytes)`);
  });

  const dir = await mkdtemp(join(tmpdir(), 'greenline-shp-'));
  try {
    const stem = join(dir, 'layer');
    const shp = new FileSink(`${stem}.shp`);
    const dbf = new FileSink(`${stem}.dbf`);
    const shx = Buffer.alloc(100 + 8 * count);
    shpHeader(shapeType, 100 + 8 * count, box).copy(shx, 0);
    await shp.write(shpHeader(shapeType, shpBytes, box));
    await dbf.write(dbfHeader(fields, count));
    let offset = 100;
    let n = 0;
    for await (const batch of table.rows()) {
      const shpChunks: Buffer[] = [];
      const dbfChunks: Buffer[] = [];
      for (const row of batch) {
        if (n >= count) throw new Error(`${table.name} changed while it was exported (more rows on the second pass)`);
        const content = shapeContent(row.geometry);
        shpChunks.push(recordHeader(n + 1, content.length), content);
        shx.writeInt32BE(offset / 2, 100 + n * 8);
        shx.writeInt32BE(content.length / 2, 104 + n * 8);
        offset += 8 + content.length;
        dbfChunks.push(dbfRecord(fields, row.values, layout));
        n++;
      }
      await shp.write(Buffer.concat(shpChunks));
      await dbf.write(Buffer.concat(dbfChunks));
    }
    if (n !== count) throw new Error(`${table.name} changed while it was exported (${n} rows, expected ${count})`);
    await dbf.write(Buffer.from([0x1a]));
    await shp.close();
    await dbf.close();
    await writeFile(`${stem}.shx`, shx);
    await writeFile(`${stem}.prj`, WGS84_PRJ);
    await writeFile(`${stem}.cpg`, 'UTF-8');
    await zipFiles(
      path,
      ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => ({ name: `${table.name}.${ext}`, path: `${stem}.${ext}` })),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (layout.truncated > 0) notes.push(`${layout.truncated} text value(s) longer than the DBF limit of 254 bytes were cut`);
  return { rows: count, notes };
}
