/**
 * Server settings from the environment. With none set, Greenline is fully offline: no request
 * leaves the server's origin. Online basemaps are opt-in (GREENLINE_BASEMAPS, a JSON list).
 */
import { z } from 'zod';
import {
  TIANDITU_ATTRIBUTION,
  TIANDITU_LAYERS,
  TIANDITU_NAMES,
  TIANDITU_ORIGINS,
  type TiandituLayer,
  tiandituTemplates,
} from './domain/tianditu.ts';
import { DEFAULT_DB, defaultPublicationsDir, parsePublicUrl } from './locations.ts';

const BasemapId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'must be 1–40 lower-case letters, digits and hyphens')
  .refine((id) => id !== 'offline', 'offline is the built-in basemap: choose another id');

/** A basemap given by URL, or a local archive. */
const UrlBasemap = z.object({
  id: BasemapId,
  name: z.string().min(1),
  name_en: z.string().optional(),
  /** raster: an XYZ template; style: a MapLibre style URL; pmtiles: a file served by us. */
  type: z.enum(['raster', 'style', 'pmtiles']),
  /** For a pmtiles basemap with a `file`, filled in as /api/basemaps/{id}.pmtiles. */
  url: z.string().default(''),
  /** pmtiles only: the archive on the server's disk, served from our origin with range requests. */
  file: z.string().optional(),
  attribution: z.string().optional(),
});

/**
 * Tianditu by layer and key: the tile URLs (eight hosts, a label layer in the UI's language) are
 * made from them (server/domain/tianditu.ts). Strict, so a `url` pasted from elsewhere is named
 * rather than silently ignored.
 */
const TiandituBasemap = z
  .object({
    id: BasemapId,
    type: z.literal('tianditu'),
    layer: z.enum(TIANDITU_LAYERS),
    key: z
      .string()
      .regex(/^[0-9a-zA-Z]{16,64}$/, 'must be a Tianditu browser key (tk), 32 letters and digits from console.tianditu.gov.cn'),
    name: z.string().min(1).optional(),
    name_en: z.string().min(1).optional(),
    attribution: z.string().optional(),
  })
  .strict();

const BasemapEntry = z.discriminatedUnion('type', [UrlBasemap, TiandituBasemap]);

/** A configured basemap as the web app receives it (GET /api/catalogue). */
export interface Basemap {
  id: string;
  name: string;
  name_en?: string;
  type: 'raster' | 'style' | 'pmtiles' | 'tianditu';
  /** raster: the XYZ template; style: the style; pmtiles: our archive route; tianditu: its base layer on t0. */
  url: string;
  attribution?: string;
  /** tianditu only: the base layer (its label layer follows the UI language) and the browser key. */
  layer?: TiandituLayer;
  key?: string;
}

/** The hosts the browser may fetch a basemap from, for the content security policy; none for our own archives. */
export function basemapOrigins(basemap: Basemap): string[] {
  if (basemap.type === 'pmtiles') return [];
  if (basemap.type === 'tianditu') return [...TIANDITU_ORIGINS];
  try {
    return [new URL(basemap.url.replace(/\{[a-z]\}/g, '0')).origin];
  } catch {
    return [];
  }
}

/** "GREENLINE_BASEMAPS[1].key: must be … (got "x")" for each problem zod found. */
function describeIssues(list: unknown, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const [index, ...rest] = issue.path;
      const where = `GREENLINE_BASEMAPS${index === undefined ? '' : `[${String(index)}]`}${rest.map((p) => `.${String(p)}`).join('')}`;
      let value: unknown = list;
      for (const p of issue.path)
        value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined;
      const got = value === undefined || typeof value === 'object' ? '' : ` (got ${JSON.stringify(value)})`;
      const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
      return `${where}: ${issue.message}${keys}${got}`;
    })
    .join('; ');
}

/** GREENLINE_BASEMAPS into the catalogue's basemaps and the local archives behind them. */
export function parseBasemaps(json: string): { basemaps: Basemap[]; basemapFiles: Record<string, string> } {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch (error) {
    throw new Error(`GREENLINE_BASEMAPS must be a JSON list of basemaps: ${(error as Error).message}`);
  }
  const parsed = z.array(BasemapEntry).safeParse(list);
  if (!parsed.success) throw new Error(`GREENLINE_BASEMAPS is not a valid basemap list: ${describeIssues(list, parsed.error.issues)}`);
  const basemapFiles: Record<string, string> = {};
  const seen = new Set<string>();
  const basemaps = parsed.data.map((entry, i): Basemap => {
    if (seen.has(entry.id)) throw new Error(`GREENLINE_BASEMAPS[${i}].id: "${entry.id}" is used by an earlier basemap`);
    seen.add(entry.id);
    if (entry.type === 'tianditu') {
      const { layer, key } = entry;
      return {
        id: entry.id,
        name: entry.name ?? TIANDITU_NAMES[layer].zh,
        name_en: entry.name_en ?? TIANDITU_NAMES[layer].en,
        type: 'tianditu',
        url: tiandituTemplates(layer, key)[0] as string,
        attribution: entry.attribution ?? TIANDITU_ATTRIBUTION,
        layer,
        key,
      };
    }
    const { file, ...b } = entry;
    if (file && b.type !== 'pmtiles')
      throw new Error(`GREENLINE_BASEMAPS: basemap "${b.id}" has a file but is of type ${b.type}, not pmtiles`);
    if (!file && !b.url) throw new Error(`GREENLINE_BASEMAPS: basemap "${b.id}" needs a url${b.type === 'pmtiles' ? ' or a file' : ''}`);
    if (!file) return b;
    basemapFiles[b.id] = file;
    return { ...b, url: `/api/basemaps/${b.id}.pmtiles` };
  });
  return { basemaps, basemapFiles };
}

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
  /**
   * Serve a database file read-only (GREENLINE_READ_ONLY=1): a read replica beside others over the
   * same file, which answers reads and refuses every change (README, "Past one machine").
   */
  readOnly?: boolean;
  /**
   * Above this many enterprises the planner map works from the server (GREENLINE_MAP_SERVER_ABOVE;
   * default SERVER_MAP_ABOVE, a million). 0 puts any database in the server-side mode, as its tests do.
   */
  mapServerAbove?: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const { basemaps, basemapFiles } = env.GREENLINE_BASEMAPS ? parseBasemaps(env.GREENLINE_BASEMAPS) : { basemaps: [], basemapFiles: {} };
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
  let mapServerAbove: number | undefined;
  if (env.GREENLINE_MAP_SERVER_ABOVE !== undefined) {
    mapServerAbove = Number(env.GREENLINE_MAP_SERVER_ABOVE);
    if (!Number.isInteger(mapServerAbove) || mapServerAbove < 0)
      throw new Error(`GREENLINE_MAP_SERVER_ABOVE must be a whole number of enterprises, got "${env.GREENLINE_MAP_SERVER_ABOVE}"`);
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
    ...(mapServerAbove === undefined ? {} : { mapServerAbove }),
    ...(env.GREENLINE_READ_ONLY === '1' || env.GREENLINE_READ_ONLY === 'true' ? { readOnly: true } : {}),
  };
}
