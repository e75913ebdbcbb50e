/**
 * The Hono application: API routes under /api, the OpenAPI document generated from the same
 * schemas that validate requests, docs, and the built web app. Build one per test with
 * createApp and call app.request(...) — no server needed.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './context.ts';
import { docsRoutes } from './docs.ts';
import { ApiError, errorBody, onError } from './errors.ts';
import { basemapRoutes } from './routes/basemaps.ts';
import { enterpriseColumnRoutes } from './routes/enterprise-columns.ts';
import { enterpriseRoutes } from './routes/enterprises.ts';
import { healthRoutes } from './routes/health.ts';
import { metaRoutes } from './routes/meta.ts';
import { regionStatsRoutes } from './routes/region-stats.ts';
import { screeningRoutes } from './routes/screening.ts';
import { statsRoutes } from './routes/stats.ts';
import { zoneRoutes } from './routes/zones.ts';
import { staticRoutes } from './static.ts';

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.onError(onError);
  app.use('*', compress());
  app.use('*', secureHeaders({ contentSecurityPolicy: contentSecurityPolicy(deps), crossOriginEmbedderPolicy: false }));

  const api = new OpenAPIHono();
  api.route('/', healthRoutes(deps));
  api.route('/', metaRoutes(deps));
  // Before enterpriseRoutes, whose /enterprises/{id} would otherwise answer /enterprises/profile.bin.
  api.route('/', enterpriseColumnRoutes(deps));
  api.route('/', enterpriseRoutes(deps));
  api.route('/', zoneRoutes(deps));
  api.route('/', screeningRoutes(deps));
  api.route('/', statsRoutes(deps));
  api.route('/', regionStatsRoutes(deps));
  api.route('/', basemapRoutes(deps));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Greenline API',
      version: '0.1.0',
      description: 'Industrial enterprises screened against green-development policy (Inner Mongolia and Hebei demo).',
    },
  });
  api.route('/', docsRoutes());
  api.all('*', (c) => {
    throw new ApiError(404, `no API route ${c.req.method} ${c.req.path}`);
  });
  app.route('/api', api);

  if (deps.config.webDir) app.route('/', staticRoutes(deps.config.webDir));
  app.notFound((c) => c.json(errorBody('not_found', `nothing at ${c.req.path}`), 404));
  return app;
}

/**
 * The offline promise made enforceable: the browser may only talk to our origin, plus the hosts
 * of basemaps an operator configured.
 */
function contentSecurityPolicy({ config }: AppDeps) {
  const extra = config.basemaps.flatMap((b) => {
    try {
      return b.type === 'pmtiles' ? [] : [new URL(b.url.replace(/\{[a-z]\}/g, '0')).origin];
    } catch {
      return [];
    }
  });
  return {
    defaultSrc: ["'self'"],
    connectSrc: ["'self'", ...extra],
    imgSrc: ["'self'", 'data:', 'blob:', ...extra],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'", 'data:'],
  };
}
