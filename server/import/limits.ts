/**
 * Limits on what one import may read, so that a mistaken or hostile upload fails early and clearly
 * instead of exhausting the server. Each can be raised through the environment.
 */

export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
  /** What all the entries read from one zip may expand to, together. */
  maxUnzippedBytes: number;
  /** How many times its compressed size one zip entry may expand to, once past ZIP_RATIO_FROM_BYTES. */
  maxZipRatio: number;
  /** Formats parsed whole in memory (GeoJSON, KML, the document inside a KMZ). */
  maxDocumentBytes: number;
}

/**
 * Small entries may compress far better than 200:1 (a DBF of blank padding does), and are
 * harmless; the ratio only matters once an entry is big enough to hurt.
 */
export const ZIP_RATIO_FROM_BYTES = 8 * 2 ** 20;

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return {
    maxFileBytes: positive(env, 'GREENLINE_MAX_IMPORT_MB', 2048) * 2 ** 20,
    maxRows: positive(env, 'GREENLINE_MAX_IMPORT_ROWS', 5_000_000),
    maxUnzippedBytes: positive(env, 'GREENLINE_MAX_UNZIPPED_MB', 2048) * 2 ** 20,
    // Deflate tops out near 1032:1 (runs of one byte); real shapefiles and KML stay far below 200.
    maxZipRatio: positive(env, 'GREENLINE_MAX_ZIP_RATIO', 200),
    // JSON.parse and the KML DOM take several times the text's size; V8 strings stop at 512 MiB.
    maxDocumentBytes: positive(env, 'GREENLINE_MAX_DOCUMENT_MB', 256) * 2 ** 20,
  };
}

export const formatMiB = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
