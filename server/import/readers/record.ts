import type { Geometry } from 'geojson';

/** One row or feature as read from a file, before validation. */
export interface RawRecord {
  /** As a spreadsheet numbers it (header = row 1), or the 1-based feature number. */
  row: number;
  values: Record<string, unknown>;
  /** Present for spatial formats; null when the feature has no geometry. */
  geometry?: Geometry | null;
}

export interface SourceInfo {
  format: 'csv' | 'geojson' | 'xlsx' | 'shapefile' | 'parquet' | 'kml';
  encoding?: string;
  /** A CRS found in the file itself (.prj, GeoJSON crs member), as an identifier or WKT. */
  crs?: string;
  headers: string[];
}

export interface Source {
  info: SourceInfo;
  records: AsyncIterable<RawRecord>;
}
