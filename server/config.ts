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
  url: z.string(),
  attribution: z.string().optional(),
});
export type Basemap = z.infer<typeof Basemap>;

export interface AppConfig {
  port: number;
  dbPath: string;
  /** Built web app; absent in API-only tests. */
  webDir: string | null;
  basemaps: Basemap[];
}

export const DEFAULT_DB = 'data/greenline.duckdb';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  let basemaps: Basemap[] = [];
  if (env.GREENLINE_BASEMAPS) {
    const parsed = z.array(Basemap).safeParse(JSON.parse(env.GREENLINE_BASEMAPS));
    if (!parsed.success) throw new Error(`GREENLINE_BASEMAPS is not a valid basemap list: ${parsed.error.message}`);
    basemaps = parsed.data;
  }
  return { port, dbPath: env.GREENLINE_DB ?? DEFAULT_DB, webDir: 'dist/web', basemaps };
}
