/**
 * Interactive API docs served from the swagger-ui-dist package on our own origin (the usual
 * middleware loads Swagger UI from a CDN, which an offline deployment cannot reach).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

const require = createRequire(import.meta.url);
const DIST = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'docs-init.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Greenline API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/docs-init.js"></script></body></html>`;

// A separate file rather than an inline script, so the page works under our CSP (script-src 'self').
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

export function docsRoutes() {
  return new Hono()
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/:asset', async (c) => {
      const asset = c.req.param('asset');
      const type = ASSETS[asset];
      if (!type) return c.notFound();
      const body = asset === 'docs-init.js' ? INIT : await readFile(join(DIST, asset), 'utf8');
      c.header('content-type', type);
      c.header('cache-control', 'public, max-age=86400');
      return c.body(body);
    });
}
