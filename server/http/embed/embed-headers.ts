/**
 * Headers for what /embed/* serves. Unlike every other page, an embed may be framed — by the
 * sites its publication lists (CSP frame-ancestors), or by any site when the list is empty — so
 * the app-wide X-Frame-Options is not sent here. Everything else stays strict: scripts and styles
 * from our origin, no requests to other hosts, no referrer to the tile host.
 */
import type { Context } from 'hono';

/** `file`, when the answer is one of a version's files: tile archives get fewer headers (below). */
export function setEmbedHeaders(c: Context, frameAncestors: readonly string[] | null, file?: string): void {
  const headers = file ? embedFileHeaders(file, frameAncestors) : embedHeaders(frameAncestors);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
}

/**
 * A tile archive is only ever fetched by the embed's script, never shown as a document, so the
 * headers that govern documents (CSP, referrer policy, robots) do nothing on it; left off, a
 * visitor's hundreds of range requests are each 500 bytes smaller, and the server answers
 * half again as many a second (bench:embed). Other files (SVG, JSON, CSV) can be opened on their
 * own and keep them all.
 */
export function embedFileHeaders(file: string, frameAncestors: readonly string[] | null): Record<string, string> {
  if (!file.endsWith('.pmtiles')) return embedHeaders(frameAncestors);
  return { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'cross-origin' };
}

export function embedHeaders(frameAncestors: readonly string[] | null): Record<string, string> {
  const ancestors = frameAncestors === null ? "'none'" : frameAncestors.length ? frameAncestors.join(' ') : '*';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      // MapLibre sets inline styles on its elements.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      // MapLibre 5 starts its worker from a blob URL.
      "worker-src 'self' blob:",
      "child-src 'self' blob:",
      "font-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-resource-policy': 'cross-origin',
    'x-robots-tag': 'noarchive',
  };
}
