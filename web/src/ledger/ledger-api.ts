/**
 * The ledger's calls to the server, through the one request function (api/request.ts), which
 * carries the session cookie and CSRF token and reports a lost session. Response types are
 * inferred from the routes' schemas (server/http/schemas/wire.ts).
 */
import type { SiteSuggestions } from '../../../server/domain/relocation/site.ts';
import type {
  Account,
  AccountChange,
  ApiTokenRecord,
  AuditChainReport,
  AuditEntryRecord,
  CaseBulkEdit,
  CaseCounts,
  CaseDetail,
  CaseEvidence,
  CaseList,
  CaseMap,
  CasePatch,
  CaseRecord,
  CaseRelocation,
  MeResponse,
  NewAccount,
  ParkRoom,
  RelocationFlow,
} from '../../../server/http/schemas/wire.ts';
import { ApiRequestError, requestJson } from '../api/request.ts';
import { type Me, rememberSession, signedIn, whenSessionLost } from '../api/session.ts';

export type {
  Account,
  AccountChange,
  ApiTokenRecord,
  AuditChainReport,
  CaseCounts,
  CaseDetail,
  CaseMap,
  CaseRelocation,
  Me,
  NewAccount,
  ParkRoom,
  RelocationFlow,
  SiteSuggestions,
};
export { whenSessionLost };

export const SITE_FILTERS = ['proposed', 'approved', 'none'] as const;
export type SiteFilter = (typeof SITE_FILTERS)[number];

export interface CaseQuery {
  status?: string;
  action?: string;
  region?: string;
  overdue?: boolean;
  flagged?: boolean;
  q?: string;
  /** Cases whose relocation site is proposed, approved, or not chosen yet. */
  site?: SiteFilter;
  /** Cases with no qualifying site within this many km. */
  no_site_within?: number;
}

/** GET /api/cases/{id}: its relocation is null unless the case relocates or withdraws. */
export type CaseDetailWithSite = CaseDetail;

export type SiteStage = RelocationFlow['stage'];

/** Where to look for sites: the parks near the enterprise, a point chosen on the map, or an area drawn. */
export type SitePlace = { point: [number, number] } | { area: { type: 'Polygon'; coordinates: [number, number][][] } };

/** A change to one case (PATCH /api/cases/{id}); the version is added when sending. */
export type CaseEdit = Omit<CasePatch, 'version'>;
/** A change to many cases at once (POST /api/cases/bulk): no deadline, which is set case by case. */
export type BulkEdit = Omit<CaseBulkEdit, 'cases'>;

/** Filters of the audit log page (GET /api/audit); dates are days in China Standard Time. */
export interface AuditQuery {
  entity?: string;
  entity_id?: string;
  event?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export function queryString(query: CaseQuery & Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const ledgerApi = {
  async me(): Promise<Me | null> {
    try {
      // An anonymous caller is answered with user null, not an error.
      return signedIn(await requestJson<MeResponse>('/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return null;
      throw error;
    }
  },
  async login(username: string, password: string): Promise<Me> {
    const me = await requestJson<Me>('/api/auth/login', { method: 'POST', json: { username, password } });
    rememberSession(me);
    return me;
  },
  async logout(): Promise<void> {
    await requestJson<void>('/api/auth/logout', { method: 'POST' });
    rememberSession(null);
  },
  cases: (query: CaseQuery, page: { limit: number; offset: number; sort: string; order: string }, signal?: AbortSignal) =>
    requestJson<CaseList>(`/api/cases${queryString({ ...query, ...page })}`, { signal: signal ?? null }),
  counts: (query: CaseQuery, signal?: AbortSignal) =>
    requestJson<CaseCounts>(`/api/cases/counts${queryString({ ...query })}`, { signal: signal ?? null }),
  /** `box` (west,south,east,north): only the enterprises of a national map's window. */
  map: (query: CaseQuery, signal?: AbortSignal, box?: string) =>
    requestJson<CaseMap>(`/api/cases/map${queryString({ ...query, box })}`, { signal: signal ?? null }),
  detail: (id: number, signal?: AbortSignal) => requestJson<CaseDetailWithSite>(`/api/cases/${id}`, { signal: signal ?? null }),
  sites: (enterpriseId: string, options: { within?: number; as_of?: string; limit?: number }, signal?: AbortSignal) =>
    requestJson<SiteSuggestions>(`/api/relocation/${encodeURIComponent(enterpriseId)}/sites${queryString({ ...options })}`, {
      signal: signal ?? null,
    }),
  sitesAt: (enterpriseId: string, place: SitePlace & { as_of?: string }, signal?: AbortSignal) =>
    requestJson<SiteSuggestions>(`/api/relocation/${encodeURIComponent(enterpriseId)}/sites`, {
      method: 'POST',
      json: place,
      signal: signal ?? null,
    }),
  proposeSite: (id: number, version: number, site: { park_id: string | null; lon: number; lat: number; reason: string }) =>
    requestJson<CaseDetailWithSite>(`/api/cases/${id}/site/propose`, {
      method: 'POST',
      json: site.park_id ? { version, ...site } : { version, lon: site.lon, lat: site.lat, reason: site.reason },
    }),
  approveSite: (id: number, version: number, note: string) =>
    requestJson<CaseDetailWithSite>(`/api/cases/${id}/site/approve`, { method: 'POST', json: note ? { version, note } : { version } }),
  withdrawSite: (id: number, version: number, reason: string) =>
    requestJson<CaseDetailWithSite>(`/api/cases/${id}/site/withdraw`, { method: 'POST', json: { version, reason } }),
  applySite: (id: number, version: number) =>
    requestJson<CaseDetailWithSite>(`/api/cases/${id}/site/apply`, { method: 'POST', json: { version } }),
  flows: (query: CaseQuery, signal?: AbortSignal) =>
    requestJson<RelocationFlow[]>(`/api/relocation/flows${queryString({ ...query })}`, { signal: signal ?? null }),
  parkRoom: (signal?: AbortSignal) => requestJson<ParkRoom[]>('/api/relocation/park-room', { signal: signal ?? null }),
  edit: (id: number, version: number, edit: CaseEdit) =>
    requestJson<CaseRecord>(`/api/cases/${id}`, { method: 'PATCH', json: { version, ...edit } satisfies CasePatch }),
  bulk: (cases: { id: number; version: number }[], edit: BulkEdit) =>
    requestJson<CaseList>('/api/cases/bulk', { method: 'POST', json: { cases, ...edit } satisfies CaseBulkEdit }),
  upload(id: number, file: File): Promise<CaseEvidence> {
    const form = new FormData();
    form.set('file', file);
    return requestJson<CaseEvidence>(`/api/cases/${id}/evidence`, { method: 'POST', body: form });
  },
  audit: (query: AuditQuery, page: { limit: number; offset: number }, signal?: AbortSignal) =>
    requestJson<{ items: AuditEntryRecord[]; total: number }>(`/api/audit${queryString({ ...query, ...page, order: 'desc' })}`, {
      signal: signal ?? null,
    }),
  // The CSV holds every matching entry (up to the route's maximum), oldest first, with the hashes.
  auditCsvUrl: (query: AuditQuery) => `/api/audit${queryString({ ...query, format: 'csv', limit: 100_000 })}`,
  verifyAudit: () => requestJson<AuditChainReport>('/api/audit/verify'),
  accounts: (signal?: AbortSignal) => requestJson<{ items: Account[] }>('/api/users', { signal: signal ?? null }),
  addAccount: (account: NewAccount) => requestJson<Account>('/api/users', { method: 'POST', json: account }),
  updateAccount: (username: string, change: AccountChange) =>
    requestJson<Account>(`/api/users/${encodeURIComponent(username)}`, { method: 'PATCH', json: change }),
  resetPassword: (username: string, password: string) =>
    requestJson<void>(`/api/users/${encodeURIComponent(username)}/password`, { method: 'POST', json: { password } }),
  tokens: (username?: string, signal?: AbortSignal) =>
    requestJson<{ items: ApiTokenRecord[] }>(`/api/tokens${queryString({ user: username })}`, { signal: signal ?? null }),
  createToken: (username: string, label: string, expiresInDays: number | null) =>
    requestJson<{ token: string; record: ApiTokenRecord }>(`/api/users/${encodeURIComponent(username)}/tokens`, {
      method: 'POST',
      json: expiresInDays === null ? { label } : { label, expires_in_days: expiresInDays },
    }),
  revokeToken: (id: number) => requestJson<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
  exportUrl: (query: CaseQuery, format: 'xlsx' | 'csv') => `/api/ledger/export${queryString({ ...query, format })}`,
  evidenceUrl: (caseId: number, evidenceId: number) => `/api/cases/${caseId}/evidence/${evidenceId}`,
};
