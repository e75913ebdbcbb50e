import type { Geometry } from 'geojson';
import { inEnglish, type Reason } from '../../domain/reasons.ts';

/** One row or feature as read from a file, before validation. */
export const BATCH_SIZE = 2000;

export interface RawRecord {
  /**
   * Where a person finds it: the row as a spreadsheet shows it for CSV and XLSX (header = row 1),
   * the 1-based feature or record number for spatial formats and Parquet.
   */
  row: number;
  values: Record<string, unknown>;
  /** Present for spatial formats; null when the feature has no geometry. */
  geometry?: Geometry | null;
  /** Fields whose text held bytes the file's encoding could not decode (now U+FFFD). */
  undecodable?: string[];
}

export const SOURCE_FORMATS = ['csv', 'xlsx', 'geojson', 'shapefile', 'parquet', 'geoparquet', 'kml'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface SourceInfo {
  format: SourceFormat;
  /** Text encoding of CSV files and shapefile attribute tables, and how it was found. */
  encoding?: string;
  encodingBy?: string;
  /** A CRS found in the file itself (.prj WKT, GeoJSON crs member, GeoParquet PROJJSON). */
  crs?: string;
  headers: string[];
  /** The sheet of an XLSX or the shapefile inside a zip that was read, and the others there were. */
  layer?: string;
  layers?: string[];
  /** Things worth telling the user about how the file was read (an ignored .cpg, skipped deleted records). */
  notes: Reason[];
}

export interface Source {
  info: SourceInfo;
  /**
   * Records in batches (of a few thousand for large files): per-record async iteration costs a
   * promise per row, which for a million rows is seconds.
   */
  batches: AsyncIterable<RawRecord[]>;
  /** Releases what the reader holds (temporary files, a parser) when reading stops early. */
  close(): Promise<void>;
}

export interface ReadOptions {
  /** XLSX sheet, or the shapefile inside a zip, by name. */
  layer?: string;
  /** Overrides encoding detection: utf-8, gbk, gb18030 … */
  encoding?: string;
  /**
   * Where what a reader unpacks from this file (a zipped shapefile's entries) may be kept for the
   * next read of the same file: an upload's, so that preview and commit unpack it once. Without
   * it, unpacked files go to a temporary directory removed when the read ends.
   */
  unzippedDir?: string;
}

/** A file that cannot be read (further); `row` says where, when known, `reason` what, and `detail` that in English. */
export class SourceError extends Error {
  readonly detail: string;

  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly reason: Reason,
  ) {
    const detail = inEnglish(reason);
    super(`${file}: ${row !== null ? `row ${row}: ` : ''}${detail}`);
    this.detail = detail;
    this.name = 'SourceError';
  }
}

/** Headers made unique (备注, 备注_2 …) so that a repeated column does not overwrite the first. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h) => {
    if (h === '') return h;
    let name = h;
    for (let i = 2; seen.has(name); i++) name = `${h}_${i}`;
    seen.add(name);
    return name;
  });
}
