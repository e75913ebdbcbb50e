/**
 * The Hono application: API routes under /api, the OpenAPI document generated from the same
 * schemas that validate requests, docs, and the built web app. Build one per test with
 * createApp and call app.request(...) — no server needed.
 *
 * Every API request passes authenticate → authorize → csrfProtection before its handler; who may
 * call what is the table in auth/access-policy.ts, and createApp refuses to build an app with a
 * route that table does not cover.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { basemapOrigins } from '../config.ts';
import { DataEpoch } from '../db/data-epoch.ts';
import { publicMapOpen } from '../db/settings-store.ts';
import { reason } from '../domain/reasons.ts';
import { ACCESS_POLICY, openApiPath, policyFor } from './auth/access-policy.ts';
import { authState } from './auth/auth-state.ts';
import { authenticate } from './auth/authenticate.ts';
import { authorize } from './auth/authorize.ts';
import { csrfProtection } from './auth/csrf.ts';
import { LoginLimiter } from './auth/login-limiter.ts';
import { clientAddress, isHttps, parseTrustedProxies, socketAddress, type TrustedProxies } from './client-address.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { docsRoutes } from './docs.ts';
import { embedRoutes } from './embed/embed-routes.ts';
import { PublicationCache } from './embed/publication-cache.ts';
import { ApiError, errorBody, onError } from './errors.ts';
import { MapFactsHolder } from './map-facts-holder.ts';
import { RateLimiter, rateLimit } from './middleware/rate-limit/index.ts';
import { responseCache } from './middleware/response-cache/index.ts';
import { WorkQueue, workQueue } from './middleware/work-queue/index.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { basemapRoutes } from './routes/basemaps.ts';
import { caseEvidenceRoutes } from './routes/case-evidence.ts';
import { caseSiteRoutes } from './routes/case-sites.ts';
import { caseRoutes } from './routes/cases.ts';
import { enterpriseColumnRoutes } from './routes/enterprise-columns.ts';
import { enterpriseRoutes } from './routes/enterprises.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { ledgerRoutes } from './routes/ledger.ts';
import { mapViewRoutes } from './routes/map-view.ts';
import { metaRoutes } from './routes/meta.ts';
import { printRoutes } from './routes/print.ts';
import { publicationRoutes } from './routes/publications.ts';
import { regionStatsRoutes } from './routes/region-stats.ts';
import { relocationRoutes } from './routes/relocation.ts';
import { screeningRoutes } from './routes/screening.ts';
import { statsRoutes } from './routes/stats.ts';
import { userRoutes } from './routes/users.ts';
import { zoneRoutes } from './routes/zones.ts';
import { staticRoutes } from './static.ts';

export const DEFAULT_PUBLIC_RATE = 1200;
/** JSON bodies: the largest any route takes is a bulk case edit or a publication's spec. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * What the app shares with the frozen-file lane the server puts in front of it
 * (embed/frozen-file-lane.ts): the publications it has looked up, the per-address limit on embeds
 * and which proxies are trusted.
 */
export interface PublicEdge {
  publications: PublicationCache;
  publicationsDir: string;
  embedLimiter: RateLimiter;
  trusted: TrustedProxies;
}

export function publicEdge(deps: AppDeps): PublicEdge {
  return {
    publications: new PublicationCache(deps.db),
    publicationsDir: deps.config.publicationsDir ?? 'data/greenline.publications',
    embedLimiter: new RateLimiter({ perMinute: publicRate(deps) }),
    trusted: parseTrustedProxies(deps.config.trustedProxies),
  };
}

const publicRate = (deps: AppDeps) => deps.config.publicRatePerMinute ?? DEFAULT_PUBLIC_RATE;

export function createApp(given: AppDeps, edge: PublicEdge = publicEdge(given)) {
  // The catalogue says which way the map works; the map's routes answer in the server-side way.
  const deps = { ...given, mapFacts: given.mapFacts ?? new MapFactsHolder(given.db, given.config.mapServerAbove) };
  const app = new OpenAPIHono();
  const { trusted, publications } = edge;
  const publicLimit = (options: { applies?: (c: Context) => boolean; limiter?: RateLimiter }) =>
    rateLimit({ perMinute: publicRate(deps), keyOf: (c) => clientAddress(c, trusted), ...options });
  app.onError(onError);
  app.use('*', compress());
  // Embeds may be framed by the sites their publication lists; they set their own headers.
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: contentSecurityPolicy(deps),
    crossOriginEmbedderPolicy: false,
    // Sent only over HTTPS (below): over plain HTTP it means nothing, and says what is not so.
    strictTransportSecurity: false,
  });
  app.use('*', (c, next) => (c.req.path.startsWith('/embed/') ? next() : pageHeaders(c, next)));
  app.use('*', async (c, next) => {
    await next();
    if (
      isHttps(
        { url: c.req.url, forwardedProto: c.req.header('x-forwarded-proto'), socket: socketAddress(c) },
        trusted,
        deps.config.secureCookies ?? false,
      )
    )
      c.res.headers.set('strict-transport-security', 'max-age=15552000; includeSubDomains');
  });

  app.use('/embed/*', publicLimit({ limiter: edge.embedLimiter }));
  app.route('/', embedRoutes({ cache: publications, publicationsDir: edge.publicationsDir, webDir: deps.config.webDir }));

  const api = new OpenAPIHono<AppEnv>();
  // No request body is read past its limit: JSON bodies are small; uploads have their own.
  api.use('*', jsonBodyLimit());
  api.use('*', authenticate(deps.db));
  // Anonymous callers are the public: limited per address. Accounts are not.
  api.use('*', publicLimit({ applies: (c) => !authState(c).principal }));
  api.use('*', authorize(mapIsPublic(deps)));
  api.use('*', csrfProtection());
  // A read replica answers reads only; a change would fail deep in DuckDB, so it is refused here.
  if (deps.config.readOnly)
    api.use('*', async (c, next) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) throw ApiError.because(503, reason('replica_read_only', {}));
      await next();
    });
  // What an account reads is its own: no cache, shared or private, keeps it; nor the login reply.
  api.use('*', async (c, next) => {
    await next();
    if (authState(c).principal || c.req.path.startsWith('/api/auth/')) c.res.headers.set('cache-control', 'no-store');
  });
  // The planner map's answers depend only on the data: computed once per version of it.
  const epoch = new DataEpoch(deps.db);
  api.use('*', responseCache({ epoch: () => epoch.current(), applies: cacheableMapRead }));
  // Heavy work waits its turn, a few at a time; beyond the queue the caller is told to come back.
  const exportsQueue = workQueue(new WorkQueue({ name: 'exports', concurrency: 1, queue: 4, retryAfter: 10 }));
  for (const path of ['/enterprises/export', '/zones/export', '/ledger/export']) api.use(path, exportsQueue);
  const asOfQueue = workQueue(new WorkQueue({ name: 'screenings as of another date', concurrency: 1, queue: 4 }));
  for (const path of ['/stats/actions-over-time', '/stats/actions-as-of', '/screening/actions.bin']) api.use(path, asOfQueue);
  const publishQueue = workQueue(new WorkQueue({ name: 'publishing', concurrency: 1, queue: 2, retryAfter: 30 }));
  api.use('/publications', async (c, next) => (c.req.method === 'POST' ? publishQueue(c, next) : next()));
  api.use('/publications/:id/republish', publishQueue);
  api.route('/', authRoutes(deps, new LoginLimiter()));
  api.route('/', userRoutes(deps));
  api.route('/', caseRoutes(deps));
  api.route('/', caseEvidenceRoutes(deps));
  api.route('/', caseSiteRoutes(deps));
  api.route('/', relocationRoutes(deps));
  api.route('/', ledgerRoutes(deps));
  api.route('/', auditRoutes(deps));
  api.route('/', healthRoutes(deps));
  api.route('/', metaRoutes(deps));
  // Before enterpriseRoutes, whose /enterprises/{id} would otherwise answer /enterprises/export
  // and /enterprises/profile.bin.
  api.route('/', exportRoutes(deps));
  api.route('/', enterpriseColumnRoutes(deps));
  api.route('/', mapViewRoutes(deps));
  api.route('/', enterpriseRoutes(deps));
  api.route('/', zoneRoutes(deps));
  api.route('/', screeningRoutes(deps));
  api.route('/', statsRoutes(deps));
  api.route('/', importRoutes(deps));
  api.route('/', regionStatsRoutes(deps));
  api.route('/', basemapRoutes(deps));
  api.route('/', printRoutes(deps));
  api.route('/', publicationRoutes(deps, publications));
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
    throw ApiError.because(404, reason('http_no_route', { route: `${c.req.method} ${c.req.path}` }));
  });
  app.route('/api', api);
  assertEveryRouteHasAPolicy(app.routes);

  if (deps.config.webDir) app.route('/', staticRoutes(deps.config.webDir));
  app.notFound((c) => c.json(errorBody('not_found', `nothing at ${c.req.path}`), 404));
  return app;
}

/** Reads of the planner map's data: the same for every caller, changing only with the data. */
function cacheableMapRead(c: Context): boolean {
  const path = c.req.path;
  if (path.endsWith('/export') || path.startsWith('/api/basemaps/')) return false;
  return policyFor(c.req.method, path)?.access.kind === 'map';
}

/**
 * Request bodies past JSON_BODY_LIMIT are refused with 413: at once when the declared length is
 * over it, and after reading no more than the limit when the body comes in chunks of unknown
 * length. (Hono's bodyLimit signals the latter by an error the JSON validator turns into a 400, so
 * the bounded read is done here, before any handler sees the body.) Uploads (imports, evidence)
 * stream to disk under their own limits.
 */
function jsonBodyLimit(): MiddlewareHandler {
  const tooLarge = (c: Context) =>
    c.json(errorBody('payload_too_large', `request bodies are limited to ${JSON_BODY_LIMIT / 1024} KiB here`), 413);
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body || isUpload(c.req.method, c.req.path)) return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined) return Number(declared) > JSON_BODY_LIMIT ? tooLarge(c) : next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let read = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.length;
      if (read > JSON_BODY_LIMIT) {
        await reader.cancel().catch(() => undefined);
        return tooLarge(c);
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks), duplex: 'half' } as RequestInit);
    return next();
  };
}

const isUpload = (method: string, path: string) =>
  method === 'POST' && (/^\/api\/imports\/?$/.test(path) || /^\/api\/cases\/[^/]+\/evidence\/?$/.test(path));

/** Whether public-map is on, re-read every few seconds so `settings set` takes effect without a restart. */
function mapIsPublic({ db }: AppDeps): () => Promise<boolean> {
  let known: { open: boolean; at: number } | null = null;
  let reading: Promise<boolean> | null = null;
  const read = () => {
    // One read at a time: under load, thousands of requests a second must not each start one.
    reading ??= publicMapOpen(db)
      .then((open) => {
        known = { open, at: Date.now() };
        return open;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  };
  return async () => {
    if (!known) return read();
    // Stale for a moment while the new value is read: no request waits on the database for it.
    if (Date.now() - known.at > 5000) read().catch(() => undefined);
    return known.open;
  };
}

/**
 * A route without an access-policy entry would answer 404 to everyone (authorize fails closed);
 * refusing to start makes the omission impossible to miss when routes are added.
 */
export function assertEveryRouteHasAPolicy(routes: readonly { method: string; path: string }[]): void {
  const missing = apiRoutes(routes).filter((r) => !policyFor(r.method, r.path, ACCESS_POLICY));
  if (missing.length) {
    throw new Error(
      `API routes without an access policy (add them to server/http/auth/access-policy.ts): ${missing.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
  }
}

/** Handler routes under /api, in OpenAPI path style; middleware and the 404 fallback are registered as ALL. */
export function apiRoutes(routes: readonly { method: string; path: string }[]): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const route = { method: r.method, path: openApiPath(r.path) };
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(route);
  }
  return out;
}

/**
 * The offline promise made enforceable: the browser may only talk to our origin, plus the hosts
 * of basemaps an operator configured.
 */
function contentSecurityPolicy({ config }: AppDeps) {
  const extra = [...new Set(config.basemaps.flatMap(basemapOrigins))];
  return {
    defaultSrc: ["'self'"],
    connectSrc: ["'self'", ...extra],
    imgSrc: ["'self'", 'data:', 'blob:', ...extra],
    styleSrc: ["'self'", "'unsafe-inline'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'", 'data:'],
    frameAncestors: ["'self'"],
  };
}
