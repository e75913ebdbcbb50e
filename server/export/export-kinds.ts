/**
 * What each export offers, kept apart from the writers (ExcelJS, Parquet, shapefile) so that the
 * CLI can describe its options without loading them.
 */
import type { ExportFormat } from './formats/index.ts';

export const ENTERPRISE_EXPORT_FORMATS = ['csv', 'geojson', 'xlsx', 'geoparquet', 'shp'] as const satisfies readonly ExportFormat[];
export const FLAG_EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'geoparquet', 'shp'] as const satisfies readonly ExportFormat[];
export const ZONE_EXPORT_FORMATS = ['geojson', 'csv', 'xlsx', 'shp', 'geoparquet'] as const satisfies readonly ExportFormat[];
export const LEDGER_FORMATS = ['xlsx', 'csv'] as const;

/** The widest band around zones `export zone-hits --within` accepts. */
export const MAX_WITHIN_METRES = 200_000;
