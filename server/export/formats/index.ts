/** The export formats, each one writer, and what a download of each is called. */
import { writeCsv } from './csv.ts';
import { writeGeoJson } from './geojson.ts';
import { writeGeoParquet } from './geoparquet.ts';
import { writeShapefile } from './shapefile.ts';
import type { ExportResult, ExportTable } from './table.ts';
import { writeXlsx } from './xlsx.ts';

export interface ExportFormatInfo {
  write: (path: string, table: ExportTable) => Promise<ExportResult>;
  extension: string;
  mediaType: string;
  /** Carries geometry itself, so point tables need no lon/lat columns. */
  spatial: boolean;
}

export const EXPORT_FORMATS = {
  csv: { write: writeCsv, extension: 'csv', mediaType: 'text/csv; charset=utf-8', spatial: false },
  xlsx: {
    write: writeXlsx,
    extension: 'xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    spatial: false,
  },
  geojson: { write: writeGeoJson, extension: 'geojson', mediaType: 'application/geo+json', spatial: true },
  geoparquet: { write: writeGeoParquet, extension: 'parquet', mediaType: 'application/vnd.apache.parquet', spatial: true },
  shp: { write: writeShapefile, extension: 'zip', mediaType: 'application/zip', spatial: true },
} as const satisfies Record<string, ExportFormatInfo>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];
