/**
 * The ledger's view in the address bar — filters, tab, sort, page and the open case — so that a
 * reload, a bookmark or a link to a colleague shows the same cases. Values that are not the
 * ledger's own are dropped rather than sent to the server; other parameters (lang) are kept.
 */
import { type AuditQuery, type CaseQuery, SITE_FILTERS, type SiteFilter } from './ledger-api.ts';

export const LEDGER_TABS = ['table', 'counts', 'map', 'audit'] as const;
export type LedgerTab = (typeof LEDGER_TABS)[number];

export interface LedgerView {
  query: CaseQuery;
  tab: LedgerTab;
  sort: string;
  order: 'asc' | 'desc';
  offset: number;
  open: number | null;
  /** The audit tab's filters and page; its parameters are prefixed log_ so they never mix with the cases'. */
  audit: AuditQuery;
  auditOffset: number;
}

export const DEFAULT_VIEW: LedgerView = {
  query: {},
  tab: 'table',
  sort: 'deadline',
  order: 'asc',
  offset: 0,
  open: null,
  audit: {},
  auditOffset: 0,
};

const AUDIT_KEYS = ['entity', 'entity_id', 'event', 'actor', 'from', 'to'] as const satisfies readonly (keyof AuditQuery)[];
/** What each audit filter may hold; anything else is dropped. */
const AUDIT_VALUE: Record<(typeof AUDIT_KEYS)[number], RegExp> = {
  entity: /^[a-z_]{1,40}$/,
  entity_id: /^[\w.@-]{1,64}$/,
  event: /^[a-z_]{1,40}$/,
  actor: /^[^\s](.{0,198}[^\s])?$/,
  from: /^\d{4}-\d{2}-\d{2}$/,
  to: /^\d{4}-\d{2}-\d{2}$/,
};

const OWN = [
  'status',
  'action',
  'region',
  'overdue',
  'flagged',
  'q',
  'site',
  'no_site_within',
  'tab',
  'sort',
  'order',
  'offset',
  'case',
  ...AUDIT_KEYS.map((k) => `log_${k}`),
  'log_offset',
];
const WORD = /^[a-z_]{1,40}$/;
/** The farthest "no qualifying site within" the filter offers, km: beyond it every case would match. */
export const MAX_SITE_KM = 2000;

const bool = (v: string | null) => (v === '1' ? true : v === '0' ? false : undefined);
const whole = (v: string | null) => (v !== null && /^\d{1,9}$/.test(v) ? Number(v) : null);

export function parseLedgerView(search: string): LedgerView {
  const p = new URLSearchParams(search);
  const query: CaseQuery = {};
  const status = p.get('status');
  if (status && WORD.test(status)) query.status = status;
  const action = p.get('action');
  if (action && WORD.test(action)) query.action = action;
  const region = p.get('region');
  if (region && /^\d{6}$/.test(region)) query.region = region;
  const overdue = bool(p.get('overdue'));
  if (overdue !== undefined) query.overdue = overdue;
  const flagged = bool(p.get('flagged'));
  if (flagged !== undefined) query.flagged = flagged;
  const q = p.get('q')?.trim();
  if (q) query.q = q.slice(0, 200);
  const site = p.get('site');
  if ((SITE_FILTERS as readonly string[]).includes(site ?? '')) query.site = site as SiteFilter;
  const within = whole(p.get('no_site_within'));
  if (within !== null && within > 0 && within <= MAX_SITE_KM) query.no_site_within = within;
  const tab = p.get('tab');
  const sort = p.get('sort');
  const audit: AuditQuery = {};
  for (const key of AUDIT_KEYS) {
    const value = p.get(`log_${key}`);
    if (value && AUDIT_VALUE[key].test(value)) audit[key] = value;
  }
  return {
    query,
    tab: (LEDGER_TABS as readonly string[]).includes(tab ?? '') ? (tab as LedgerTab) : DEFAULT_VIEW.tab,
    sort: sort && WORD.test(sort) ? sort : DEFAULT_VIEW.sort,
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
    offset: whole(p.get('offset')) ?? 0,
    open: whole(p.get('case')),
    audit,
    auditOffset: whole(p.get('log_offset')) ?? 0,
  };
}

/** `search` with the ledger's parameters replaced by the view's; defaults are left out. */
export function ledgerSearch(view: LedgerView, search: string): string {
  const p = new URLSearchParams(search);
  for (const key of OWN) p.delete(key);
  const { query } = view;
  if (query.status) p.set('status', query.status);
  if (query.action) p.set('action', query.action);
  if (query.region) p.set('region', query.region);
  if (query.overdue !== undefined) p.set('overdue', query.overdue ? '1' : '0');
  if (query.flagged !== undefined) p.set('flagged', query.flagged ? '1' : '0');
  if (query.q) p.set('q', query.q);
  if (query.site) p.set('site', query.site);
  if (query.no_site_within !== undefined) p.set('no_site_within', String(query.no_site_within));
  if (view.tab !== DEFAULT_VIEW.tab) p.set('tab', view.tab);
  if (view.sort !== DEFAULT_VIEW.sort) p.set('sort', view.sort);
  if (view.order !== DEFAULT_VIEW.order) p.set('order', view.order);
  if (view.offset > 0) p.set('offset', String(view.offset));
  if (view.open !== null) p.set('case', String(view.open));
  for (const key of AUDIT_KEYS) {
    const value = view.audit[key];
    if (value) p.set(`log_${key}`, value);
  }
  if (view.auditOffset > 0) p.set('log_offset', String(view.auditOffset));
  const text = p.toString();
  return text ? `?${text}` : '';
}
