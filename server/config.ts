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
  /** Where publication versions are written (GREENLINE_PUBLICATIONS_DIR; default beside the database). */
  publicationsDir?: string;
  /** The address the public reaches this server at (GREENLINE_PUBLIC_URL), for embed snippets. */
  publicUrl?: string;
  /** Requests per minute one client address may make to public routes (GREENLINE_PUBLIC_RATE; default 1200). */
  publicRatePerMinute?: number;
  /** Proxies whose X-Forwarded-For names the client (GREENLINE_TRUSTED_PROXIES: addresses, IPv4 CIDR). */
  trustedProxies?: string;
}

export const DEFAULT_DB = 'data/greenline.duckdb';

/** Publications live beside their database: data/greenline.duckdb → data/greenline.publications/. */
export function defaultPublicationsDir(dbPath: string): string {
  return dbPath === ':memory:' ? 'data/memory.publications' : `${dbPath.replace(/\.duckdb$/, '')}.publications`;
}

/** A public base URL: scheme and host (and port, path prefix), no trailing slash. */
export function parsePublicUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL such as https://maps.example.gov.cn, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must start with http:// or https://, got "${value}"`);
  if (url.search || url.hash) throw new Error(`${name} must have no query or fragment, got "${value}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

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
  let publicRatePerMinute: number | undefined;
  if (env.GREENLINE_PUBLIC_RATE !== undefined) {
    publicRatePerMinute = Number(env.GREENLINE_PUBLIC_RATE);
    if (!Number.isInteger(publicRatePerMinute) || publicRatePerMinute < 1)
      throw new Error(`GREENLINE_PUBLIC_RATE must be a whole number of requests per minute, got "${env.GREENLINE_PUBLIC_RATE}"`);
  }
  const dbPath = env.GREENLINE_DB ?? DEFAULT_DB;
  return {
    port,
    dbPath,
    publicationsDir: env.GREENLINE_PUBLICATIONS_DIR ?? defaultPublicationsDir(dbPath),
    ...(env.GREENLINE_PUBLIC_URL ? { publicUrl: parsePublicUrl(env.GREENLINE_PUBLIC_URL, 'GREENLINE_PUBLIC_URL') } : {}),
    ...(publicRatePerMinute === undefined ? {} : { publicRatePerMinute }),
    ...(env.GREENLINE_TRUSTED_PROXIES ? { trustedProxies: env.GREENLINE_TRUSTED_PROXIES } : {}),
    webDir: 'dist/web',
    basemaps,
    basemapFiles,
    evidenceDir: env.GREENLINE_EVIDENCE_DIR ?? 'data/evidence',
    ...(evidenceMaxBytes === undefined ? {} : { evidenceMaxBytes }),
    secureCookies: env.GREENLINE_SECURE_COOKIES === '1' || env.GREENLINE_SECURE_COOKIES === 'true',
  };
}
