/**
 * Who may call what: one entry per API route (method + OpenAPI path), applied by the authorize
 * middleware before any handler runs. A route without an entry is unreachable (404), createApp
 * refuses to start with one, and test/api/access-policy.test.ts walks every route to check.
 *
 *   public       — no login: /api/health, logging in and asking who one is. The public's own
 *                  pages are the published embeds (/embed/*), which read frozen files, not the API.
 *   map          — the planner map's reads: any account, and anonymous readers too where the
 *                  database's owner opened the planner map (`greenline settings set public-map
 *                  on`; the demo database is created with it on). Case data (status, notes,
 *                  department, assignee, evidence, relocation sites) lives only under /api/cases,
 *                  /api/ledger, /api/audit and /api/relocation, none of which is a map route.
 *   role         — the minimum role (viewer < planner < official < admin), and
 *     own-region  — region-scoped accounts may call it; the handler confines what it reads or
 *                   changes to their region (403 for a case outside it);
 *     all-regions — it works across regions, so region-scoped accounts get 403.
 */
import type { Role } from '../../domain/roles.ts';

export type Access = { kind: 'public' } | { kind: 'map' } | { kind: 'role'; role: Role; region: 'own-region' | 'all-regions' };

export type PolicyMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface PolicyEntry {
  method: PolicyMethod;
  /** OpenAPI style: /api/cases/{id}. */
  path: string;
  access: Access;
}

const publicRoute = (method: PolicyMethod, path: string): PolicyEntry => ({ method, path, access: { kind: 'public' } });
const mapRoute = (method: PolicyMethod, path: string): PolicyEntry => ({ method, path, access: { kind: 'map' } });
const ownRegion = (method: PolicyMethod, path: string, role: Role): PolicyEntry => ({
  method,
  path,
  access: { kind: 'role', role, region: 'own-region' },
});
const allRegions = (method: PolicyMethod, path: string, role: Role): PolicyEntry => ({
  method,
  path,
  access: { kind: 'role', role, region: 'all-regions' },
});

export const ACCESS_POLICY: readonly PolicyEntry[] = [
  publicRoute('GET', '/api/health'),
  // The planner map: read-only, no internal fields; anonymous only where public-map is on.
  mapRoute('GET', '/api/openapi.json'),
  mapRoute('GET', '/api/docs'),
  mapRoute('GET', '/api/docs/{asset}'),
  mapRoute('GET', '/api/catalogue'),
  mapRoute('GET', '/api/enterprises'),
  mapRoute('GET', '/api/enterprises/points'),
  mapRoute('GET', '/api/enterprises/{id}'),
  mapRoute('GET', '/api/zones'),
  mapRoute('GET', '/api/regions'),
  // The planner map's columns (what it filters and colours by), region dashboards and local basemaps.
  mapRoute('GET', '/api/enterprises/columns'),
  mapRoute('GET', '/api/enterprises/names'),
  mapRoute('GET', '/api/enterprises/profile.bin'),
  // The same filter counted by the server, for databases too large to send to a browser.
  mapRoute('GET', '/api/map/facets'),
  mapRoute('GET', '/api/map/cells'),
  mapRoute('GET', '/api/map/plants'),
  mapRoute('GET', '/api/map/columns.bin'),
  mapRoute('GET', '/api/enterprises/indicators.bin'),
  mapRoute('GET', '/api/enterprises/rules.bin'),
  mapRoute('GET', '/api/stats/region/{code}'),
  mapRoute('GET', '/api/stats/regions'),
  mapRoute('GET', '/api/basemaps/{file}'),
  // Printing the map: a system font with Chinese glyphs, and whether the data is the demo.
  mapRoute('GET', '/api/print/font'),
  mapRoute('GET', '/api/print/about'),
  // Downloads of what the planner map shows: enterprises (filtered) and zones.
  mapRoute('GET', '/api/enterprises/export'),
  mapRoute('GET', '/api/zones/export'),

  // Screening results in aggregate: as open as the map that shows them.
  mapRoute('GET', '/api/screening'),
  mapRoute('GET', '/api/rules'),
  mapRoute('GET', '/api/stats/actions'),
  // The region dashboard's enterprises by action at each year end, 2016–2024: counts by action and
  // year for a region, computed from the enterprises, indicators, zones and rules the map already
  // serves anonymous readers (anyone could screen them again from those), and nothing from the
  // ledger — no case, status, note, department or assignee. So as open as the map; when it asked
  // for an account, anonymous readers of the dashboard met a 401 and an empty chart. Its cost is
  // bounded: year ends only, at most 15 a request, each (year, region) screened once per data
  // version, answers shared through the response cache, one screening at a time (app.ts).
  mapRoute('GET', '/api/stats/actions-over-time'),
  // Screening as of any other date runs the rules again on dates without end: for accounts, within
  // their region. actions.bin is also per enterprise.
  allRegions('GET', '/api/screening/actions.bin', 'viewer'),
  ownRegion('GET', '/api/stats/actions-as-of', 'viewer'),

  // Accounts.
  publicRoute('POST', '/api/auth/login'),
  ownRegion('POST', '/api/auth/logout', 'viewer'),
  // Anonymous callers learn that they are anonymous (user null), rather than meet an error.
  publicRoute('GET', '/api/auth/me'),
  ownRegion('GET', '/api/auth/tokens', 'viewer'),
  ownRegion('POST', '/api/auth/tokens', 'viewer'),
  ownRegion('DELETE', '/api/auth/tokens/{id}', 'viewer'),
  allRegions('GET', '/api/users', 'admin'),
  // Account management from the ledger's Accounts tab: admins only, each change audited.
  allRegions('POST', '/api/users', 'admin'),
  allRegions('PATCH', '/api/users/{username}', 'admin'),
  allRegions('POST', '/api/users/{username}/password', 'admin'),
  allRegions('GET', '/api/tokens', 'admin'),
  allRegions('POST', '/api/users/{username}/tokens', 'admin'),
  allRegions('DELETE', '/api/tokens/{id}', 'admin'),

  // The ledger.
  ownRegion('GET', '/api/cases', 'viewer'),
  ownRegion('GET', '/api/cases/counts', 'viewer'),
  ownRegion('GET', '/api/cases/map', 'viewer'),
  ownRegion('POST', '/api/cases/bulk', 'official'),
  ownRegion('GET', '/api/cases/{id}', 'viewer'),
  ownRegion('PATCH', '/api/cases/{id}', 'official'),
  ownRegion('POST', '/api/cases/{id}/evidence', 'official'),
  ownRegion('GET', '/api/cases/{id}/evidence/{evidenceId}', 'viewer'),
  ownRegion('GET', '/api/ledger/export', 'viewer'),
  // Relocation destinations of cases (routes/case-sites.ts): officials propose, approve (another
  // official than the proposer), withdraw and apply them in their region; the map layers read
  // only the caller's region's cases.
  ownRegion('POST', '/api/cases/{id}/site/propose', 'official'),
  ownRegion('POST', '/api/cases/{id}/site/approve', 'official'),
  ownRegion('POST', '/api/cases/{id}/site/withdraw', 'official'),
  ownRegion('POST', '/api/cases/{id}/site/apply', 'official'),
  ownRegion('GET', '/api/relocation/flows', 'viewer'),
  ownRegion('GET', '/api/relocation/park-room', 'viewer'),
  // Relocation sites (routes/relocation.ts): officials judge sites for an enterprise in their
  // region (403 outside it); the parks themselves are zone data any account may read.
  ownRegion('GET', '/api/relocation/{enterpriseId}/sites', 'official'),
  ownRegion('POST', '/api/relocation/{enterpriseId}/sites', 'official'),
  ownRegion('GET', '/api/relocation/parks', 'viewer'),

  // Imports change the data everyone sees and re-screen it: administrators only.
  allRegions('POST', '/api/imports', 'admin'),
  allRegions('GET', '/api/imports', 'admin'),
  allRegions('GET', '/api/imports/{id}', 'admin'),
  allRegions('DELETE', '/api/imports/{id}', 'admin'),
  allRegions('POST', '/api/imports/{id}/commit', 'admin'),

  // Publications: planners publish the map for the public; every change is audited.
  allRegions('GET', '/api/publications', 'planner'),
  allRegions('POST', '/api/publications', 'planner'),
  allRegions('PATCH', '/api/publications/{id}', 'planner'),
  allRegions('POST', '/api/publications/{id}/republish', 'planner'),
  allRegions('POST', '/api/publications/{id}/withdraw', 'planner'),

  // The audit trail: officials read their region's case entries; admins read all and check the chain.
  ownRegion('GET', '/api/audit', 'official'),
  allRegions('GET', '/api/audit/verify', 'admin'),
];

interface Compiled {
  entry: PolicyEntry;
  pattern: RegExp;
  params: number;
}

const compile = (entry: PolicyEntry): Compiled => {
  const segments = entry.path.split('/').map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&')));
  return { entry, pattern: new RegExp(`^${segments.join('/')}/?$`), params: (entry.path.match(/\{/g) ?? []).length };
};

const COMPILED = ACCESS_POLICY.map(compile);

/**
 * The entry for a request; a literal segment beats a parameter (/api/cases/counts is not case
 * "counts"). HEAD is answered like GET.
 */
export function policyFor(method: string, path: string, policy: readonly PolicyEntry[] = ACCESS_POLICY): PolicyEntry | undefined {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const compiled = policy === ACCESS_POLICY ? COMPILED : policy.map(compile);
  let best: Compiled | undefined;
  for (const c of compiled) {
    if (c.entry.method !== m || !c.pattern.test(path)) continue;
    if (!best || c.params < best.params) best = c;
  }
  return best?.entry;
}

/** Hono writes path parameters as :id, OpenAPI as {id}. */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}
