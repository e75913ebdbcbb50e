/**
 * Picks a reader by file extension (of the name the user gave, for uploads) after checking the size
 * limit. Each reader is imported when its format is read: ExcelJS, the shapefile and KML readers and
 * DuckDB together take over a second to load, which a CSV import (on its worker thread, or in the
 * CLI) should not pay.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { reason } from '../../domain/reasons.ts';
import { formatMiB, importLimits } from '../limits.ts';
import { type ReadOptions, type Source, SourceError } from './record.ts';

export const SUPPORTED_EXTENSIONS = [
  '.csv',
  '.txt',
  '.tsv',
  '.xlsx',
  '.geojson',
  '.json',
  '.zip',
  '.shp',
  '.parquet',
  '.geoparquet',
  '.kml',
  '.kmz',
] as const;

const ZIP_MAGIC = 0x04034b50;

async function startsWithZip(path: string): Promise<boolean> {
  const file = await open(path);
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === ZIP_MAGIC;
  } finally {
    await file.close();
  }
}

export async function openSource(path: string, label = path, options: ReadOptions = {}): Promise<Source> {
  const ext = extname(label || path).toLowerCase();
  const { size } = await stat(path);
  const { maxFileBytes } = importLimits();
  if (size > maxFileBytes) {
    throw new SourceError(
      label,
      null,
      reason('import_file_too_large', { size: formatMiB(size), limit: formatMiB(maxFileBytes), setting: 'GREENLINE_MAX_IMPORT_MB' }),
    );
  }
  switch (ext) {
    case '.csv':
    case '.txt':
    case '.tsv':
      if (await startsWithZip(path)) throw new SourceError(label, null, reason('import_zip_misnamed', { ext }));
      return (await import('./csv.ts')).readCsv(path, label, options);
    case '.xlsx':
      return (await import('./xlsx.ts')).readXlsx(path, label, options);
    case '.xls':
      throw new SourceError(label, null, reason('import_xls_unsupported', { ext: '.xls', instead: '.xlsx / CSV' }));
    case '.geojson':
    case '.json':
      return (await import('./geojson.ts')).readGeoJson(path, label);
    case '.zip':
    case '.shp':
      return (await import('./shapefile.ts')).readShapefile(path, label, options);
    case '.parquet':
    case '.geoparquet':
      return (await import('./parquet.ts')).readParquet(path, label);
    case '.kml':
    case '.kmz':
      return (await import('./kml.ts')).readKml(path, label, ext === '.kmz');
    default:
      throw new SourceError(label, null, reason('import_unsupported_type', { ext, expected: SUPPORTED_EXTENSIONS.join(', ') }));
  }
}
