/**
 * The ledger's calls to the server. The session lives in an HttpOnly cookie the page cannot read;
 * the CSRF token that must accompany every write is kept here, in memory, from login or /me.
 */
import type { z } from '@hono/zod-openapi';
import type { AuditEntry } from '../../../server/domain/audit.ts';
import type { CaseCount, CaseView, OverdueBand } from '../../../server/domain/case.ts';
import type { CaseStatus } from '../../../server/domain/case-lifecycle.ts';
import type { AccountPatchBody, AccountSchema, ApiTokenSchema, NewAccountBody } from '../../../server/http/schemas/auth.ts';
import { ApiRequestError, errorFromResponse } from '../api/client.ts';
import { type Me, rememberSession, writeHeaders } from '../api/session.ts';

export type { Me };

export interface Evidence {
  id: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface CaseDetail extends CaseView {
  history: AuditEntry[];
  evidence: Evidence[];
  next_statuses: CaseStatus[];
}

export interface CaseQuery {
  status?: string;
  action?: string;
  region?: string;
  overdue?: boolean;
  flagged?: boolean;
  q?: string;
}

export interface CaseCounts {
  rows: CaseCount[];
  total: number;
  overdue: number;
  overdue_bands: Record<OverdueBand, number>;
}

export interface CaseMap {
  statuses: CaseStatus[];
  keys: number[];
  status: number[];
  overdue: number[];
}

export interface CaseEdit {
  status?: CaseStatus;
  note?: string;
  /** ISO date set by hand; needs a reason in note. */
  deadline?: string;
  department?: string | null;
  assignee?: string | null;
}

/** Filters of the audit log page (GET /api/audit); dates are days in China Standard Time. */
export interface AuditQuery {
  entity?: string;
  entity_id?: string;
  event?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export interface AuditChainReport {
  entries: number;
  chains: number;
  problems: { entity: string; entity_id: string; seq: number; message: string }[];
}

/** The account routes' wire types, from the schemas the server validates them with. */
export type Account = z.infer<typeof AccountSchema>;
export type ApiTokenRecord = z.infer<typeof ApiTokenSchema>;
export type NewAccount = z.input<typeof NewAccountBody>;
export type AccountChange = z.input<typeof AccountPatchBody>;

/** Called when the server no longer knows the session (expired, logged out elsewhere, account disabled). */
let onSessionLost: () => void = () => undefined;

export function whenSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const method = init.method ?? 'GET';
  if (method !== 'GET') for (const [k, v] of Object.entries(writeHeaders())) headers.set(k, v);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && path !== '/api/auth/me' && path !== '/api/auth/login') {
      rememberSession(null);
      onSessionLost();
    }
    throw error;
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
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
      const me = await send<Me | { user: null }>('/api/auth/me');
      if (!me.user) return null;
      rememberSession(me as Me);
      return me as Me;
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) return null;
      throw error;
    }
  },
  async login(username: string, password: string): Promise<Me> {
    const me = await send<Me>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
    rememberSession(me);
    return me;
  },
  async logout(): Promise<void> {
    await send<void>('/api/auth/logout', { method: 'POST' });
    rememberSession(null);
  },
  cases: (query: CaseQuery, page: { limit: number; offset: number; sort: string; order: string }) =>
    send<{ items: CaseView[]; total: number }>(`/api/cases${queryString({ ...query, ...page })}`),
  counts: (query: CaseQuery) => send<CaseCounts>(`/api/cases/counts${queryString({ ...query })}`),
  map: (query: CaseQuery) => send<CaseMap>(`/api/cases/map${queryString({ ...query })}`),
  detail: (id: number) => send<CaseDetail>(`/api/cases/${id}`),
  edit: (id: number, version: number, edit: CaseEdit) =>
    send<CaseView>(`/api/cases/${id}`, { method: 'PATCH', body: JSON.stringify({ version, ...edit }) }),
  bulk: (cases: { id: number; version: number }[], edit: CaseEdit) =>
    send<{ items: CaseView[]; total: number }>('/api/cases/bulk', { method: 'POST', body: JSON.stringify({ cases, ...edit }) }),
  upload(id: number, file: File): Promise<Evidence> {
    const form = new FormData();
    form.set('file', file);
    return send<Evidence>(`/api/cases/${id}/evidence`, { method: 'POST', body: form });
  },
  audit: (query: AuditQuery, page: { limit: number; offset: number }) =>
    send<{ items: AuditEntry[]; total: number }>(`/api/audit${queryString({ ...query, ...page, order: 'desc' })}`),
  // The CSV holds every matching entry (up to the route's maximum), oldest first, with the hashes.
  auditCsvUrl: (query: AuditQuery) => `/api/audit${queryString({ ...query, format: 'csv', limit: 100_000 })}`,
  verifyAudit: () => send<AuditChainReport>('/api/audit/verify'),
  accounts: () => send<{ items: Account[] }>('/api/users'),
  addAccount: (account: NewAccount) => send<Account>('/api/users', { method: 'POST', body: JSON.stringify(account) }),
  updateAccount: (username: string, change: AccountChange) =>
    send<Account>(`/api/users/${encodeURIComponent(username)}`, { method: 'PATCH', body: JSON.stringify(change) }),
  resetPassword: (username: string, password: string) =>
    send<void>(`/api/users/${encodeURIComponent(username)}/password`, { method: 'POST', body: JSON.stringify({ password }) }),
  tokens: (username?: string) => send<{ items: ApiTokenRecord[] }>(`/api/tokens${queryString({ user: username })}`),
  createToken: (username: string, label: string, expiresInDays: number | null) =>
    send<{ token: string; record: ApiTokenRecord }>(`/api/users/${encodeURIComponent(username)}/tokens`, {
      method: 'POST',
      body: JSON.stringify(expiresInDays === null ? { label } : { label, expires_in_days: expiresInDays }),
    }),
  revokeToken: (id: number) => send<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
  exportUrl: (query: CaseQuery, format: 'xlsx' | 'csv') => `/api/ledger/export${queryString({ ...query, format })}`,
  evidenceUrl: (caseId: number, evidenceId: number) => `/api/cases/${caseId}/evidence/${evidenceId}`,
};
