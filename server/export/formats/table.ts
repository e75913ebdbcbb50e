/**
 * What every export writer takes: a column list, rows, and optionally a geometry per row. The
 * writers know formats, not Greenline's tables; enterprises, zones and screening flags are all
 * turned into an ExportTable first.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson';

export type ExportColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface ExportColumn {
  name: string;
  type: ExportColumnType;
}

export type ExportGeometry = Point | Polygon | MultiPolygon;

export interface ExportRow {
  /** One value per column, in column order: string, number, boolean, 'YYYY-MM-DD' for dates, or null. */
  values: readonly unknown[];
  geometry?: ExportGeometry | null;
}

export interface ExportTable {
  /** Layer, sheet and file-stem name: enterprises, zones, flags. */
  name: string;
  columns: readonly ExportColumn[];
  /** What the rows' geometries are, if they have any. */
  geometry?: 'point' | 'polygon';
  /**
   * The rows, from the start each time it is called: the shapefile writer reads them twice (once
   * to size its fields), so a source must be able to replay them, as a query can.
   */
  rows(): AsyncIterable<ExportRow[]>;
}

export interface ExportResult {
  rows: number;
  /** Things the format forced, e.g. shapefile field names cut to 10 bytes. */
  notes: string[];
}

/**
 * Tabular formats (CSV, XLSX) carry a geometry as columns: lon and lat for points (unless the
 * table has them already), WKT for polygons.
 */
export function tabularGeometryColumns(table: ExportTable): ExportColumn[] {
  if (table.geometry === 'polygon') return [{ name: 'wkt', type: 'string' }];
  if (table.geometry === 'point') {
    const names = new Set(table.columns.map((c) => c.name));
    if (!names.has('lon') || !names.has('lat')) {
      return [
        { name: 'lon', type: 'number' },
        { name: 'lat', type: 'number' },
      ];
    }
  }
  return [];
}
