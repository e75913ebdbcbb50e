/**
 * Where a relocating or withdrawing enterprise is to go: the proposed and approved site of each
 * ledger case (table case_sites), the flows the ledger map draws from them and the counts per
 * park. The rules (who may propose, four eyes, when a site may be applied) are in
 * server/ledger/case-sites.ts, not here.
 */
import type { CaseStatus } from '../domain/case-lifecycle.ts';
import { type CaseFilter, caseWhere } from './case-query.ts';
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

/** What a proposal records; the rest of a case's site follows from approving and applying it. */
export interface NewProposal {
  park_id: string | null;
  site_name: string | null;
  lon: number;
  lat: number;
  site_region_code: string | null;
  reason: string;
  proposed_by: string;
}

export interface CaseSite extends NewProposal {
  case_id: number;
  proposed_at: string;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  applied_at: string | null;
  /** The enterprise's position before the move; set when the site is applied. */
  from_lon: number | null;
  from_lat: number | null;
}

const SELECT_SITE = `SELECT s.case_id, s.park_id, s.site_name, s.lon, s.lat, s.site_region_code, s.reason, s.proposed_by,
  ${isoOf('s.proposed_at')} AS proposed_at, s.approved_by, ${isoOf('s.approved_at')} AS approved_at, s.approval_note,
  ${isoOf('s.applied_at')} AS applied_at, s.from_lon, s.from_lat FROM case_sites s`;

export async function getCaseSite(q: Queryable, caseId: number): Promise<CaseSite | undefined> {
  return q.one<CaseSite>(`${SELECT_SITE} WHERE s.case_id = $id`, { id: caseId });
}

/** Records a proposal, replacing any earlier one together with its approval. */
export async function putProposal(q: Queryable, caseId: number, p: NewProposal, at: Date): Promise<void> {
  await q.run('DELETE FROM case_sites WHERE case_id = $id', { id: caseId });
  await q.run(
    `INSERT INTO case_sites (case_id, park_id, site_name, lon, lat, site_region_code, reason, proposed_by, proposed_at)
     VALUES ($id, $park, $name, $lon, $lat, $region, $reason, $by, CAST($at AS TIMESTAMP))`,
    {
      id: caseId,
      park: p.park_id,
      name: p.site_name,
      lon: p.lon,
      lat: p.lat,
      region: p.site_region_code,
      reason: p.reason,
      by: p.proposed_by,
      at: sqlTimestamp(at),
    },
  );
}

export async function approveProposal(q: Queryable, caseId: number, by: string, note: string | null, at: Date): Promise<void> {
  await q.run(`UPDATE case_sites SET approved_by = $by, approved_at = CAST($at AS TIMESTAMP), approval_note = $note WHERE case_id = $id`, {
    id: caseId,
    by,
    note,
    at: sqlTimestamp(at),
  });
}

export async function deleteProposal(q: Queryable, caseId: number): Promise<void> {
  await q.run('DELETE FROM case_sites WHERE case_id = $id', { id: caseId });
}

export async function markApplied(q: Queryable, caseId: number, from: { lon: number; lat: number }, at: Date): Promise<void> {
  await q.run('UPDATE case_sites SET applied_at = CAST($at AS TIMESTAMP), from_lon = $lon, from_lat = $lat WHERE case_id = $id', {
    id: caseId,
    lon: from.lon,
    lat: from.lat,
    at: sqlTimestamp(at),
  });
}

export type FlowStage = 'proposed' | 'approved' | 'applied';

export interface SiteFlow {
  case_id: number;
  enterprise_id: string;
  enterprise_name: string | null;
  enterprise_name_en: string | null;
  status: CaseStatus;
  stage: FlowStage;
  from: [number, number];
  to: [number, number];
  park_id: string | null;
  site_name: string | null;
  /** The park's English name as the zones table has it now; null for a point chosen outside a park. */
  site_name_en: string | null;
}

/**
 * One arc per case with a site, for the cases matching a filter. An applied move draws from where
 * the enterprise stood before it (the enterprise row now holds the site).
 */
export async function listSiteFlows(q: Queryable, filter: CaseFilter, today: string): Promise<SiteFlow[]> {
  const where = caseWhere(filter, today);
  const rows = await q.all<{
    case_id: number;
    enterprise_id: string;
    enterprise_name: string | null;
    enterprise_name_en: string | null;
    status: CaseStatus;
    stage: FlowStage;
    from_lon: number | null;
    from_lat: number | null;
    lon: number;
    lat: number;
    park_id: string | null;
    site_name: string | null;
    site_name_en: string | null;
  }>(
    `SELECT c.id AS case_id, c.enterprise_id, e.name AS enterprise_name,
       json_extract_string(e.attributes, '$.name_en') AS enterprise_name_en, c.status,
       CASE WHEN s.applied_at IS NOT NULL THEN 'applied' WHEN s.approved_at IS NOT NULL THEN 'approved' ELSE 'proposed' END AS stage,
       coalesce(s.from_lon, e.lon) AS from_lon, coalesce(s.from_lat, e.lat) AS from_lat, s.lon, s.lat, s.park_id, s.site_name,
       z.name_en AS site_name_en
     FROM cases c JOIN case_sites s ON s.case_id = c.id LEFT JOIN enterprises e ON e.id = c.enterprise_id
       LEFT JOIN zones z ON z.id = s.park_id
     ${where.sql} ORDER BY c.id`,
    where.params,
  );
  // An enterprise deleted by a later import has no position to draw from.
  return rows
    .filter((r) => r.from_lon !== null && r.from_lat !== null)
    .map(({ from_lon, from_lat, lon, lat, ...r }) => ({ ...r, from: [from_lon as number, from_lat as number], to: [lon, lat] }));
}

/** Per park, how many cases (within the filter, e.g. the caller's region) propose it and how many have it approved. */
export async function countSitesByPark(
  q: Queryable,
  filter: CaseFilter,
  today: string,
): Promise<Map<string, { proposed: number; approved: number }>> {
  const where = caseWhere(filter, today);
  const rows = await q.all<{ park_id: string; proposed: number; approved: number }>(
    `SELECT s.park_id, count(*) FILTER (WHERE s.approved_at IS NULL)::INTEGER AS proposed,
       count(*) FILTER (WHERE s.approved_at IS NOT NULL)::INTEGER AS approved
     FROM cases c JOIN case_sites s ON s.case_id = c.id ${where.sql} ${where.sql ? 'AND' : 'WHERE'} s.park_id IS NOT NULL
     GROUP BY s.park_id`,
    where.params,
  );
  return new Map(rows.map((r) => [r.park_id, { proposed: r.proposed, approved: r.approved }]));
}

export interface EnterpriseCapacity {
  sector: string | null;
  region_code: string | null;
  capacity: number | null;
  capacity_unit: string | null;
}

/** What capacity replacement needs to know of an enterprise. */
export async function enterpriseCapacity(q: Queryable, id: string): Promise<EnterpriseCapacity | undefined> {
  return q.one<EnterpriseCapacity>('SELECT sector, region_code, capacity, capacity_unit FROM enterprises WHERE id = $id', { id });
}

/** Every case's site, by case id, for the ledger export (the table holds one row per case that has one). */
export async function allCaseSites(q: Queryable): Promise<Map<number, CaseSite>> {
  const rows = await q.all<CaseSite>(`${SELECT_SITE} ORDER BY s.case_id`);
  return new Map(rows.map((r) => [r.case_id, r]));
}
