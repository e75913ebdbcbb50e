/** Serves the built web app, with index.html for client-side routes. */

import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export function staticRoutes(webDir: string) {
  const root = relative(process.cwd(), webDir) || '.';
  const app = new Hono();
  if (!existsSync(join(webDir, 'index.html'))) {
    return app.get('*', (c) => c.text(`The web app is not built (${webDir}/index.html missing); run npm run build.`, 503));
  }
  // Hashed asset names never change content, so browsers may keep them.
  app.use('/assets/*', async (c, next) => {
    await next();
    c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  // The build writes .br and .gz beside each asset (vite.config.ts): sent as they are.
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
  return app;
}
