/**
 * Headers for what /embed/* serves. Unlike every other page, an embed may be framed — by the
 * sites its publication lists (CSP frame-ancestors), or by any site when the list is empty — so
 * the app-wide X-Frame-Options is not sent here. Everything else stays strict: scripts and styles
 * from our origin, no requests to other hosts, no referrer to the tile host.
 */
import type { Context } from 'hono';

export function setEmbedHeaders(c: Context, frameAncestors: readonly string[] | null): void {
  const ancestors = frameAncestors === null ? "'none'" : frameAncestors.length ? frameAncestors.join(' ') : '*';
  c.header(
    'content-security-policy',
    [
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
  );
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'strict-origin-when-cross-origin');
  c.header('cross-origin-resource-policy', 'cross-origin');
  c.header('x-robots-tag', 'noarchive');
}
