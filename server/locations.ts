/**
 * Where Greenline keeps its files and how a public base URL is written: what the CLI needs before
 * any command runs, kept apart from config.ts so that describing a command does not load zod.
 */

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
