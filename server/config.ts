/**
 * Server settings from the environment. With none set, Greenline is fully offline: no request
 * leaves the server's origin. Online basemaps are opt-in (GREENLINE_BASEMAPS, a JSON list).
 */
import { z } from 'zod';

const Basemap = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  name_en: z.string().optional(),
  /** raster: an XYZ template; style: a MapLibre style URL; pmtiles: a file served by us. */
  type: z.enum(['raster', 'style', 'pmtiles']),
  /** For a pmtiles basemap with a `file`, filled in as /api/basemaps/{id}.pmtiles. */
  url: z.string().default(''),
  /** pmtiles only: the archive on the server's disk, served from our origin with range requests. */
  file: z.string().optional(),
  attribution: z.string().optional(),
});
export type Basemap = z.infer<typeof Basemap>;

export interface AppConfig {
  port: number;
  dbPath: string;
  /** Built web app; absent in API-only tests. */
  webDir: string | null;
  basemaps: Basemap[];
  /** Where evidence files are stored, outside the database (GREENLINE_EVIDENCE_DIR; default data/evidence). */
  evidenceDir?: string;
  /** Largest evidence file accepted, in bytes (GREENLINE_EVIDENCE_MAX_MB; default 20 MiB). */
  evidenceMaxBytes?: number;
  /**
   * Mark the session cookie Secure on every response (GREENLINE_SECURE_COOKIES=1), for deployments
   * behind a TLS-terminating proxy. Without it the cookie is Secure when the request came over https.
   */
  secureCookies?: boolean;
  /** Local PMTiles archives by basemap id (never sent to the browser). */
  basemapFiles?: Record<string, string>;
}

export const DEFAULT_DB = 'data/greenline.duckdb';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  let basemaps: Basemap[] = [];
  const basemapFiles: Record<string, string> = {};
  if (env.GREENLINE_BASEMAPS) {
    const parsed = z.array(Basemap).safeParse(JSON.parse(env.GREENLINE_BASEMAPS));
    if (!parsed.success) throw new Error(`GREENLINE_BASEMAPS is not a valid basemap list: ${parsed.error.message}`);
    basemaps = parsed.data.map(({ file, ...b }) => {
      if (file && b.type !== 'pmtiles')
        throw new Error(`GREENLINE_BASEMAPS: basemap "${b.id}" has a file but is of type ${b.type}, not pmtiles`);
      if (!file && !b.url) throw new Error(`GREENLINE_BASEMAPS: basemap "${b.id}" needs a url${b.type === 'pmtiles' ? ' or a file' : ''}`);
      if (!file) return b;
      basemapFiles[b.id] = file;
      return { ...b, url: `/api/basemaps/${b.id}.pmtiles` };
    });
  }
  let evidenceMaxBytes: number | undefined;
  if (env.GREENLINE_EVIDENCE_MAX_MB !== undefined) {
    const mb = Number(env.GREENLINE_EVIDENCE_MAX_MB);
    if (!(mb > 0 && mb <= 1024))
      throw new Error(`GREENLINE_EVIDENCE_MAX_MB must be a number of megabytes from 0 to 1024, got "${env.GREENLINE_EVIDENCE_MAX_MB}"`);
    evidenceMaxBytes = Math.round(mb * 1024 * 1024);
  }
  return {
    port,
    dbPath: env.GREENLINE_DB ?? DEFAULT_DB,
    webDir: 'dist/web',
    basemaps,
    basemapFiles,
    evidenceDir: env.GREENLINE_EVIDENCE_DIR ?? 'data/evidence',
    ...(evidenceMaxBytes === undefined ? {} : { evidenceMaxBytes }),
    secureCookies: env.GREENLINE_SECURE_COOKIES === '1' || env.GREENLINE_SECURE_COOKIES === 'true',
  };
}
