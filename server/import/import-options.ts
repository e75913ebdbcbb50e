/** What every import takes, whichever layer it writes. */
import { ZONE_KINDS } from '../domain/zone.ts';
import type { ImportLogEntry } from './import-log.ts';

/** What a zone-layer import may write: a kind of zone, or the region boundaries. */
export const IMPORT_KINDS = [...ZONE_KINDS, 'region'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  /** Path of the file to read. */
  path: string;
  /** Name shown in reports and the import log (for uploads, the name the user gave); defaults to the path's base name. */
  fileName?: string;
  /** Source CRS; else the file's own (.prj, GeoJSON crs, GeoParquet), else WGS84. */
  crs?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  /** XLSX sheet or shapefile in a zip. */
  layer?: string;
  /** Overrides encoding detection for CSV and shapefile attributes. */
  encoding?: string;
  /** Where an upload keeps what is unpacked from it between reads (see ReadOptions). */
  unzippedDir?: string;
  username?: string;
  /** Called after each batch of rows with the number read so far. */
  onProgress?: (rows: number) => void;
}

export function importMode(options: ImportOptions): ImportLogEntry['mode'] {
  return options.replace ? 'replace' : options.skipInvalid ? 'skip-invalid' : 'upsert';
}
