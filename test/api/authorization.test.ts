/**
 * Authorisation on every endpoint. Routes are discovered, not listed: from the OpenAPI document
 * and from the app's own route table (which also holds the non-OpenAPI routes such as /api/docs),
 * so a route another engineer adds is walked too — and fails here until it has a policy entry and
 * a sample below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSetting } from '../../server/db/settings-store.ts';
import { roleAtLeast } from '../../server/domain/roles.ts';
import { apiRoutes, assertEveryRouteHasAPolicy, createApp } from '../../server/http/app.ts';
import { ACCESS_POLICY, policyFor } from '../../server/http/auth/access-policy.ts';
import { call, type LedgerApp, ledgerApp, PRINCIPALS, type PrincipalName } from '../helpers/ledger-app.ts';
import { TEST_CONFIG } from '../helpers/temp-db.ts';

let t: LedgerApp;
let baotouCase: number;
let hohhotCase: number;
let routes: { method: string; path: string }[];

beforeAll(async () => {
  t = await ledgerApp();
  // The demo database opens its planner map to anonymous readers; the matrix checks the default.
  await setSetting(t.db, 'public-map', 'off');
  baotouCase = (await t.casesOf(t.baotou[0] as string))[0] as number;
  hohhotCase = (await t.casesOf(t.hohhot[0] as string))[0] as number;
  const doc = (await call(t.app, 'GET', '/api/openapi.json', { session: await t.session('viewer') })).json as unknown as {
    paths: Record<string, Record<string, unknown>>;
  };
  const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: `/api${path}` })),
  );
  const all = new Map<string, { method: string; path: string }>();
  for (const r of [...fromDoc, ...apiRoutes(t.app.routes)]) all.set(`${r.method} ${r.path}`, r);
  routes = [...all.values()];
});
afterAll(() => t.close());

/** A concrete URL for each route with parameters; a new parameterised route needs one here. */
function concrete(path: string): string {
  const samples: Record<string, string> = {
    '/api/enterprises/{id}': `/api/enterprises/${t.baotou[0]}`,
    '/api/cases/{id}': `/api/cases/${baotouCase}`,
    '/api/cases/{id}/evidence': `/api/cases/${baotouCase}/evidence`,
    '/api/cases/{id}/evidence/{evidenceId}': `/api/cases/${baotouCase}/evidence/1`,
    '/api/cases/{id}/site/propose': `/api/cases/${baotouCase}/site/propose`,
    '/api/cases/{id}/site/approve': `/api/cases/${baotouCase}/site/approve`,
    '/api/cases/{id}/site/withdraw': `/api/cases/${baotouCase}/site/withdraw`,
    '/api/cases/{id}/site/apply': `/api/cases/${baotouCase}/site/apply`,
    '/api/relocation/{enterpriseId}/sites': `/api/relocation/${t.baotou[0]}/sites`,
    '/api/auth/tokens/{id}': '/api/auth/tokens/999',
    '/api/users/{username}': '/api/users/viewer',
    '/api/users/{username}/password': '/api/users/viewer/password',
    '/api/users/{username}/tokens': '/api/users/viewer/tokens',
    '/api/tokens/{id}': '/api/tokens/999',
    '/api/docs/{asset}': '/api/docs/swagger-ui.css',
    '/api/imports/{id}': '/api/imports/no-such-upload',
    '/api/stats/region/{code}': '/api/stats/region/150200',
    '/api/basemaps/{file}': '/api/basemaps/none.pmtiles',
    '/api/imports/{id}/commit': '/api/imports/no-such-upload/commit',
    '/api/publications/{id}': '/api/publications/aaaaaaaaaa',
    '/api/publications/{id}/republish': '/api/publications/aaaaaaaaaa/republish',
    '/api/publications/{id}/withdraw': '/api/publications/aaaaaaaaaa/withdraw',
  };
  if (!path.includes('{')) return path;
  const url = samples[path];
  if (!url) throw new Error(`no sample URL for ${path}: add one to concrete() in test/api/authorization.test.ts`);
  return url;
}

describe('every API route has an access policy', () => {
  it('finds the routes of the OpenAPI document and the non-OpenAPI ones', () => {
    expect(routes.length).toBeGreaterThan(25);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/docs/{asset}' });
    expect(routes).toContainEqual({ method: 'PATCH', path: '/api/cases/{id}' });
  });

  it('has a policy entry for each route', () => {
    const missing = routes.filter((r) => !policyFor(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('has no policy entry for a route that does not exist', () => {
    const known = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const stale = ACCESS_POLICY.filter((e) => !known.has(`${e.method} ${e.path}`)).map((e) => `${e.method} ${e.path}`);
    expect(stale).toEqual([]);
  });

  it('createApp refuses to start with an unguarded route', () => {
    expect(() => assertEveryRouteHasAPolicy([{ method: 'GET', path: '/api/stats/targets' }])).toThrow(/GET \/api\/stats\/targets/);
    expect(() => assertEveryRouteHasAPolicy([{ method: 'ALL', path: '/api/*' }])).not.toThrow();
  });
});

type Caller = PrincipalName | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...(Object.keys(PRINCIPALS) as PrincipalName[])];

function expected(method: string, path: string, who: Caller): 'allowed' | 401 | 403 {
  const entry = policyFor(method, path);
  if (!entry) throw new Error(`no policy for ${method} ${path}`);
  if (entry.access.kind === 'public') return 'allowed';
  if (who === 'anonymous') return 401;
  if (entry.access.kind === 'map') return 'allowed';
  const p = PRINCIPALS[who];
  if (!roleAtLeast(p.role, entry.access.role)) return 403;
  if (entry.access.region === 'all-regions' && p.region !== null) return 403;
  return 'allowed';
}

async function request(method: string, path: string, who: Caller) {
  const session = who === 'anonymous' ? null : await t.session(who);
  const body = method === 'GET' ? undefined : {};
  return call(t.app, method, concrete(path), { session, body });
}

describe('role × endpoint matrix', () => {
  it('answers 401 without a login, 403 for too low a role or a region-scoped account on an all-regions route', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const who of CALLERS) {
        const want = expected(route.method, route.path, who);
        const { status, json } = await request(route.method, route.path, who);
        checked++;
        const message = (json?.error as { message?: string } | undefined)?.message ?? '';
        const ok =
          want === 'allowed' ? status !== 401 && status !== 403 && status < 500 && !message.startsWith('no API route') : status === want;
        if (!ok) failures.push(`${route.method} ${route.path} as ${who}: expected ${want}, got ${status} ${message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(routes.length * CALLERS.length);
  });

  it('with public-map on, anonymous readers reach the planner map’s routes and nothing more', async () => {
    await setSetting(t.db, 'public-map', 'on');
    const app = createApp({ db: t.db, config: TEST_CONFIG });
    try {
      for (const route of routes) {
        const entry = policyFor(route.method, route.path);
        const { status } = await call(app, route.method, concrete(route.path), {
          session: null,
          body: route.method === 'GET' ? undefined : {},
        });
        if (entry?.access.kind === 'map') expect(status, `${route.method} ${route.path}`).not.toBe(401);
        if (entry?.access.kind === 'role') expect(status, `${route.method} ${route.path}`).toBe(401);
      }
    } finally {
      await setSetting(t.db, 'public-map', 'off');
    }
  });

  it('an API token carries its owner’s role', async () => {
    const { token } = (await call(t.app, 'POST', '/api/auth/tokens', { session: await t.session('viewer'), body: { label: 'matrix' } }))
      .json as { token: string };
    expect((await call(t.app, 'GET', '/api/cases', { token })).status).toBe(200);
    expect((await call(t.app, 'PATCH', `/api/cases/${baotouCase}`, { token, body: { version: 1, note: 'x' } })).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/users', { token })).status).toBe(403);
  });
});

describe('region scope', () => {
  const scoped: PrincipalName[] = ['viewer@baotou', 'official@baotou'];

  it.each(scoped)('%s gets 403 for a case in Hohhot, by any route', async (who) => {
    const session = await t.session(who);
    expect((await call(t.app, 'GET', `/api/cases/${hohhotCase}`, { session })).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/cases/${hohhotCase}/evidence/1`, { session })).status).toBe(403);
    const patch = await call(t.app, 'PATCH', `/api/cases/${hohhotCase}`, { session, body: { version: 1, note: 'x' } });
    expect(patch.status).toBe(403);
  });

  it('a Baotou official cannot attach evidence to or bulk-edit a Hohhot case', async () => {
    const session = await t.session('official@baotou');
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n')], 'a.pdf', { type: 'application/pdf' }));
    expect((await call(t.app, 'POST', `/api/cases/${hohhotCase}/evidence`, { session, body: form })).status).toBe(403);
    const bulk = await call(t.app, 'POST', '/api/cases/bulk', {
      session,
      body: {
        cases: [
          { id: baotouCase, version: 1 },
          { id: hohhotCase, version: 1 },
        ],
        note: 'both',
      },
    });
    expect(bulk.status).toBe(403);
    expect((bulk.json?.error as { details: { id: number }[] }).details.map((d) => d.id)).toEqual([hohhotCase]);
  });

  it.each(scoped)('%s lists, counts, maps, exports and audits only Baotou', async (who) => {
    const session = await t.session(who);
    const list = (await call(t.app, 'GET', '/api/cases?limit=1000', { session })).json as {
      items: { region_code: string }[];
      total: number;
    };
    expect(list.total).toBe(5);
    expect(list.items.every((c) => c.region_code.startsWith('1502'))).toBe(true);
    // Asking for Hohhot explicitly does not widen the scope.
    expect(((await call(t.app, 'GET', '/api/cases?region=150100', { session })).json as { total: number }).total).toBe(0);
    const counts = (await call(t.app, 'GET', '/api/cases/counts', { session })).json as { rows: { region_code: string }[]; total: number };
    expect(counts.total).toBe(5);
    expect(new Set(counts.rows.map((r) => r.region_code))).toEqual(new Set(['150200']));
    const map = (await call(t.app, 'GET', '/api/cases/map', { session })).json as { keys: number[] };
    expect(map.keys).toHaveLength(5);
    const csv = await (await call(t.app, 'GET', '/api/ledger/export?format=csv', { session })).res.text();
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 5);
    expect(csv).not.toContain('呼和浩特');
    if (who === 'official@baotou') {
      const audit = (await call(t.app, 'GET', '/api/audit?entity=user', { session })).json as {
        items: { entity: string; entity_id: string }[];
      };
      const allowed = new Set(
        (await t.db.all<{ id: number }>("SELECT id FROM cases WHERE region_code LIKE '1502%'")).map((r) => String(r.id)),
      );
      expect(audit.items.length).toBeGreaterThan(0);
      for (const e of audit.items) {
        expect(e.entity).toBe('case');
        expect(allowed.has(e.entity_id)).toBe(true);
      }
    }
  });

  it('an unscoped official sees both regions', async () => {
    const list = (await call(t.app, 'GET', '/api/cases', { session: await t.session('official') })).json as { total: number };
    expect(list.total).toBe(8);
  });
});
