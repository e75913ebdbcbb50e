/**
 * Case filters as one parameterised WHERE clause, shared by the list, the counts, the map and the
 * ledger export so that all of them agree on what a filter (and a region scope) means.
 */
import type { Action } from '../domain/actions.ts';
import type { SiteFilter } from '../domain/case.ts';
import { OVERDUE_BANDS, type OverdueBand } from '../domain/case.ts';
import { type CaseStatus, SETTLED_STATUSES } from '../domain/case-lifecycle.ts';
import { MOVING_ACTIONS } from '../domain/relocation/judge-site.ts';
import { regionPattern, searchSql } from './enterprise-query.ts';

export interface CaseFilter {
  statuses?: CaseStatus[];
  actions?: Action[];
  /** GB/T 2260 codes; a province or prefecture includes everything in it. */
  regions?: string[];
  overdue?: boolean;
  flagged?: boolean;
  /** Text in the enterprise's name or credit code, or an exact enterprise id. */
  q?: string;
  enterpriseId?: string;
  ids?: number[];
  /** The caller's region scope: nothing outside it is ever returned. */
  scope?: string | null;
  /** Cases with a proposed site (approved or not), with an approved one, or with none (case_sites). */
  site?: SiteFilter;
  /**
   * Relocate and withdraw cases whose nearest qualifying site (relocation_reach, refreshed by the
   * caller) is farther than this many km, or absent.
   */
  noSiteWithinKm?: number;
  /** Enterprises inside west, south, east, north (degrees): the map's window around its view. */
  box?: [number, number, number, number];
}

export const CASE_SORTS = ['id', 'deadline', 'status', 'region_code', 'updated_at', 'enterprise_name', 'overdue_days'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Settled statuses as an SQL list; they come from a constant, never from a request. */
const SETTLED_SQL = SETTLED_STATUSES.map((s) => `'${s}'`).join(', ');

/** SQL for "overdue" given a $today parameter. */
export const OVERDUE_SQL = `(c.deadline IS NOT NULL AND c.deadline < CAST($today AS DATE) AND c.status NOT IN (${SETTLED_SQL}))`;

/** Days since the deadline while the case is overdue (OVERDUE_SQL), else NULL; needs $today. */
export const OVERDUE_DAYS_SQL = `(CASE WHEN ${OVERDUE_SQL} THEN date_diff('day', c.deadline, CAST($today AS DATE)) END)`;

/** An overdue band of domain/case.ts as an SQL filter: from the band before's bound to its own. */
export function overdueBandSql(band: OverdueBand): string {
  const i = OVERDUE_BANDS.findIndex((b) => b.id === band);
  const from = i > 0 ? (OVERDUE_BANDS[i - 1] as (typeof OVERDUE_BANDS)[number]).below : 0;
  const below = (OVERDUE_BANDS[i] as (typeof OVERDUE_BANDS)[number]).below;
  return Number.isFinite(below) ? `${OVERDUE_DAYS_SQL} BETWEEN ${from} AND ${below - 1}` : `${OVERDUE_DAYS_SQL} >= ${from}`;
}

/** The site filters as SQL, from a constant. */
const SITE_SQL: Record<SiteFilter, string> = {
  proposed: 'EXISTS (SELECT 1 FROM case_sites s WHERE s.case_id = c.id)',
  approved: 'EXISTS (SELECT 1 FROM case_sites s WHERE s.case_id = c.id AND s.approved_at IS NOT NULL)',
  none: 'NOT EXISTS (SELECT 1 FROM case_sites s WHERE s.case_id = c.id)',
};

/** The actions whose cases move the enterprise, as an SQL list from a constant. */
const MOVING_SQL = MOVING_ACTIONS.map((a) => `'${a}'`).join(', ');

export interface CaseWhere {
  sql: string;
  /** Carries $today only when the clause uses it: DuckDB refuses parameters a statement does not use. */
  params: Record<string, string | number | boolean>;
  /** Whether the clause reads the enterprise (alias e): without it, cases can be counted and paged alone. */
  readsEnterprise: boolean;
}

export function caseWhere(filter: CaseFilter, today: string): CaseWhere {
  const clauses: string[] = [];
  const params: Record<string, string | number | boolean> = {};
  let n = 0;
  const param = (value: string | number | boolean) => {
    const name = `p${n++}`;
    params[name] = value;
    return `$${name}`;
  };
  if (filter.scope) clauses.push(`c.region_code LIKE ${param(regionPattern(filter.scope))}`);
  if (filter.statuses?.length) clauses.push(`c.status IN (${filter.statuses.map(param).join(', ')})`);
  if (filter.actions?.length) clauses.push(`c.action IN (${filter.actions.map(param).join(', ')})`);
  if (filter.regions?.length) clauses.push(`(${filter.regions.map((r) => `c.region_code LIKE ${param(regionPattern(r))}`).join(' OR ')})`);
  if (filter.overdue !== undefined) {
    clauses.push(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    params.today = today;
  }
  if (filter.flagged !== undefined) clauses.push(`c.flagged = ${param(filter.flagged)}`);
  if (filter.enterpriseId !== undefined) clauses.push(`c.enterprise_id = ${param(filter.enterpriseId)}`);
  if (filter.ids?.length) clauses.push(`c.id IN (${filter.ids.map(param).join(', ')})`);
  if (filter.q) clauses.push(searchSql('e', filter.q, param));
  if (filter.site) clauses.push(SITE_SQL[filter.site]);
  if (filter.noSiteWithinKm !== undefined) {
    clauses.push(
      `c.action IN (${MOVING_SQL}) AND NOT EXISTS (SELECT 1 FROM relocation_reach r WHERE r.enterprise_id = c.enterprise_id AND r.distance_km <= ${param(filter.noSiteWithinKm)})`,
    );
  }
  if (filter.box) {
    const [w, south, e, n] = filter.box;
    clauses.push(`e.lon BETWEEN ${param(w)} AND ${param(e)} AND e.lat BETWEEN ${param(south)} AND ${param(n)}`);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, readsEnterprise: Boolean(filter.q || filter.box) };
}
