/**
 * Where a relocating or withdrawing enterprise goes: an official proposes a site (an industrial
 * park or a point), a second official approves it (four eyes), and once the work is completed or
 * accepted the enterprise's stored location is moved there and re-screened. As with every ledger
 * edit (edit-cases.ts): the change names the case version it was based on (409 when stale), stays
 * inside the official's region (403), and is written with its audit entries in one transaction
 * that bumps the case's version. A site is judged by the relocation rules (server/relocation) as
 * of today when it is proposed and again when it is approved; one that does not qualify is
 * refused with the rules it would break.
 */

import { appendAudit } from '../db/audit-store.ts';
import { approveProposal, type CaseSite, deleteProposal, getCaseSite, markApplied, putProposal } from '../db/case-site-store.ts';
import { getCase, updateCaseRow } from '../db/case-store.ts';
import type { Database, Queryable } from '../db/database.ts';
import { enterprisePosition, moveEnterprise } from '../db/move-enterprise.ts';
import { listParksWithGeometry } from '../db/park-store.ts';
import { listRegions } from '../db/zone-store.ts';
import type { Action } from '../domain/actions.ts';
import type { AuditInput } from '../domain/audit.ts';
import type { CaseView } from '../domain/case.ts';
import { type CaseStatus, chinaToday } from '../domain/case-lifecycle.ts';
import { type PolygonalGeometry, PreparedPolygon } from '../domain/geometry/prepared-polygon.ts';
import { regionLocator } from '../domain/geometry/region-locator.ts';
import { reason as because, inEnglish, type Reason } from '../domain/reasons.ts';
import { MOVING_ACTIONS } from '../domain/relocation/judge-site.ts';
import type { SiteReason, SiteSuggestions, SiteVerdict } from '../domain/relocation/site.ts';
import { type Principal, principalCovers } from '../domain/roles.ts';
import { checkSites } from '../relocation/check-sites.ts';
import { screenChanged } from '../screening/screen-changed.ts';
import type { CaseRef } from './edit-cases.ts';
import { isWriteConflict, LedgerError, type LedgerErrorStatus } from './ledger-error.ts';

export const isMovingAction = (action: Action): boolean => MOVING_ACTIONS.includes(action);

/** Statuses in which the move has happened on the ground, so the stored location may follow. */
export const APPLIABLE_STATUSES: readonly CaseStatus[] = ['completed', 'accepted'];

export type SiteChange = 'propose' | 'approve' | 'withdraw' | 'apply';

export interface SiteProposal {
  park_id?: string | null | undefined;
  lon: number;
  lat: number;
  reason: string;
}

export interface SiteRefusal {
  status: LedgerErrorStatus;
  reason: Reason;
}

/** A site the relocation rules refuse: the caller answers 422, listing what it would break. */
export class SiteNotQualifying extends Error {
  constructor(
    readonly reason: Reason,
    readonly details: { site: SiteVerdict['site']; reasons: SiteReason[] },
  ) {
    super(inEnglish(reason));
  }
}

/**
 * Why `change` cannot be made to this case now, or null when it can. Pure: the order of the checks
 * is what the caller sees first (no such case, outside the region, stale, then the site's state).
 */
export function siteRefusal(
  change: SiteChange,
  actor: Pick<Principal, 'username' | 'region'>,
  ref: CaseRef,
  current: Pick<CaseView, 'id' | 'action' | 'status' | 'version' | 'region_code'> | undefined,
  site: Pick<CaseSite, 'proposed_by' | 'approved_by' | 'applied_at'> | undefined,
): SiteRefusal | null {
  const { id } = ref;
  if (!current) return { status: 404, reason: because('case_not_found', { id }) };
  if (!principalCovers(actor, current.region_code)) {
    return {
      status: 403,
      reason: because('case_outside_region', { id, region: current.region_code ?? '(none)', scope: actor.region ?? '' }),
    };
  }
  if (current.version !== ref.version)
    return { status: 409, reason: because('case_stale', { id, current: current.version, based: ref.version }) };
  if (!isMovingAction(current.action)) return { status: 409, reason: because('site_action_not_moving', { id, action: current.action }) };
  if (site?.applied_at) return { status: 409, reason: because('site_already_applied', { id, at: site.applied_at }) };
  if (change === 'propose') return null;
  if (!site) return { status: 409, reason: because('site_none_proposed', { id }) };
  if (change === 'approve') {
    if (site.approved_by) return { status: 409, reason: because('site_already_approved', { id, by: site.approved_by }) };
    if (site.proposed_by === actor.username) return { status: 403, reason: because('site_four_eyes', { username: site.proposed_by }) };
  }
  if (change === 'apply') {
    if (!site.approved_by) return { status: 409, reason: because('site_not_approved', { id }) };
    if (!APPLIABLE_STATUSES.includes(current.status))
      return { status: 409, reason: because('site_apply_status', { id, status: current.status }) };
  }
  return null;
}

/** The rules a judged site would break, or null when it qualifies. Pure. */
export function siteNotQualifying(verdict: SiteVerdict): SiteNotQualifying | null {
  if (verdict.qualifies) return null;
  const against = verdict.reasons.filter((r) => r.kind !== 'clears');
  const names = against.map((r) => [r.rule_id ?? r.kind, r.zone_name].filter(Boolean).join(' '));
  const why = because('site_not_qualifying', {
    lon: verdict.site.lon,
    lat: verdict.site.lat,
    rules: [...new Set(names)].join('; ') || 'no qualifying verdict',
  });
  return new SiteNotQualifying(why, { site: verdict.site, reasons: against });
}

const refuse = (r: SiteRefusal): never => {
  throw new LedgerError(r.status, inEnglish(r.reason), undefined, r.reason);
};

/** Reads the case and its site, and refuses as siteRefusal says. */
async function checked(q: Queryable, change: SiteChange, actor: Principal, ref: CaseRef, today: string) {
  const current = await getCase(q, ref.id, today);
  const site = await getCaseSite(q, ref.id);
  const refusal = siteRefusal(change, actor, ref, current, site);
  if (refusal) refuse(refusal);
  return { current: current as CaseView, site };
}

/** Judges one site for the case's enterprise as of today; refuses it when it does not qualify. */
async function judge(db: Database, enterpriseId: string, site: { lon: number; lat: number; park_id: string | null }, today: string) {
  const judged: SiteSuggestions = await checkSites(
    db,
    enterpriseId,
    [{ lon: site.lon, lat: site.lat, ...(site.park_id ? { park_id: site.park_id } : {}) }],
    today,
  );
  const verdict = judged.sites[0];
  if (!verdict) throw new LedgerError(400, `the site at (${site.lon}, ${site.lat}) could not be judged`);
  const refusal = siteNotQualifying(verdict);
  if (refusal) throw refusal;
  return verdict;
}

const siteLabel = (s: { site_name: string | null; lon: number; lat: number }) => s.site_name ?? `${s.lon}, ${s.lat}`;

async function write(
  db: Database,
  actor: Principal,
  ref: CaseRef,
  change: SiteChange,
  now: Date,
  work: (tx: Queryable, current: CaseView, site: CaseSite | undefined) => Promise<Omit<AuditInput, 'entity' | 'entity_id' | 'actor'>>,
): Promise<CaseView> {
  const today = chinaToday(now);
  try {
    return await db.transaction(async (tx) => {
      const { current, site } = await checked(tx, change, actor, ref, today);
      const event = await work(tx, current, site);
      if (!(await updateCaseRow(tx, ref.id, ref.version, {}, now))) {
        const why = because('case_changed', { id: ref.id });
        throw new LedgerError(409, inEnglish(why), undefined, why);
      }
      await appendAudit(tx, [{ entity: 'case', entity_id: String(ref.id), actor: actor.username, ...event }], now);
      return (await getCase(tx, ref.id, today)) as CaseView;
    });
  } catch (error) {
    if (isWriteConflict(error)) throw new LedgerError(409, 'another edit of the same case was saved at the same moment; reload it');
    throw error;
  }
}

/** Proposes a site, replacing any earlier proposal and its approval. */
export async function proposeSite(
  db: Database,
  actor: Principal,
  ref: CaseRef,
  proposal: SiteProposal,
  now = new Date(),
): Promise<CaseView> {
  const today = chinaToday(now);
  const { current } = await checked(db, 'propose', actor, ref, today);
  const verdict = await judge(
    db,
    current.enterprise_id,
    { lon: proposal.lon, lat: proposal.lat, park_id: proposal.park_id ?? null },
    today,
  );
  const reasonText = proposal.reason.trim();
  return write(db, actor, ref, 'propose', now, async (tx, _current, previous) => {
    const next = {
      park_id: verdict.site.park_id,
      site_name: verdict.site.name,
      lon: verdict.site.lon,
      lat: verdict.site.lat,
      site_region_code: verdict.site.region_code,
      reason: reasonText,
      proposed_by: actor.username,
    };
    await putProposal(tx, ref.id, next, now);
    return {
      event: 'site_proposed',
      from: previous ? siteLabel(previous) : null,
      to: siteLabel(next),
      reason: reasonText,
      details: {
        park_id: next.park_id,
        name: next.site_name,
        lon: next.lon,
        lat: next.lat,
        region_code: next.site_region_code,
        distance_km: verdict.distance_km,
        replaced_approval: previous?.approved_by ?? null,
      },
    };
  });
}

/** Approves the proposed site: by another official than its proposer, and only while it still qualifies. */
export async function approveSite(db: Database, actor: Principal, ref: CaseRef, note: string | null, now = new Date()): Promise<CaseView> {
  const today = chinaToday(now);
  const { current, site } = await checked(db, 'approve', actor, ref, today);
  const proposed = site as CaseSite;
  await judge(db, current.enterprise_id, { lon: proposed.lon, lat: proposed.lat, park_id: proposed.park_id }, today);
  const noteText = note?.trim() || null;
  return write(db, actor, ref, 'approve', now, async (tx, _current, latest) => {
    const s = latest as CaseSite;
    // The site checked above must be the one approved: a new proposal in between makes this stale.
    await approveProposal(tx, ref.id, actor.username, noteText, now);
    return {
      event: 'site_approved',
      from: null,
      to: siteLabel(s),
      reason: noteText,
      details: { park_id: s.park_id, name: s.site_name, lon: s.lon, lat: s.lat, proposed_by: s.proposed_by },
    };
  });
}

/** Withdraws the proposal (and its approval), with a reason. */
export async function withdrawSite(db: Database, actor: Principal, ref: CaseRef, why: string, now = new Date()): Promise<CaseView> {
  const reasonText = why.trim();
  return write(db, actor, ref, 'withdraw', now, async (tx, _current, site) => {
    const s = site as CaseSite;
    await deleteProposal(tx, ref.id);
    return {
      event: 'site_withdrawn',
      from: siteLabel(s),
      to: null,
      reason: reasonText,
      details: { park_id: s.park_id, name: s.site_name, lon: s.lon, lat: s.lat, approved_by: s.approved_by },
    };
  });
}

/**
 * Moves the enterprise's stored location to the approved site, then re-screens what changed. The
 * move, the site's applied_at, the case's version and the audit entry commit together or not at
 * all; the re-screen runs after the commit (screening writes in transactions of its own), and
 * should it fail the move stands and the next screening picks it up (data_version was bumped).
 */
export async function applySite(db: Database, actor: Principal, ref: CaseRef, now = new Date()): Promise<CaseView> {
  const regionAt = regionLocator(
    (await listRegions(db)).flatMap((r) => (r.geometry ? [{ ...r, geometry: r.geometry as PolygonalGeometry }] : [])),
  );
  // In a park as the site was judged (judge-site.ts movedFacts): a park's site is in it, a chosen
  // point where it falls inside one.
  const parks = (await listParksWithGeometry(db)).map((p) => new PreparedPolygon(p.geometry));
  const inPark = (site: CaseSite) => site.park_id !== null || parks.some((p) => p.contains(site.lon, site.lat));
  await write(db, actor, ref, 'apply', now, async (tx, current, site) => {
    const s = site as CaseSite;
    const from = await enterprisePosition(tx, current.enterprise_id);
    const missing = because('site_enterprise_missing', { id: ref.id, enterprise: current.enterprise_id });
    if (!from) throw new LedgerError(409, inEnglish(missing), undefined, missing);
    const to = { lon: s.lon, lat: s.lat, region_code: regionAt(s.lon, s.lat) ?? s.site_region_code, in_park: inPark(s) };
    if (!(await moveEnterprise(tx, current.enterprise_id, to, now))) throw new LedgerError(409, inEnglish(missing), undefined, missing);
    await markApplied(tx, ref.id, from, now);
    return {
      event: 'location_applied',
      from: `${from.lon}, ${from.lat}`,
      to: `${to.lon}, ${to.lat}`,
      reason: null,
      details: {
        enterprise_id: current.enterprise_id,
        park_id: s.park_id,
        name: s.site_name,
        from: { lon: from.lon, lat: from.lat, region_code: from.region_code },
        to,
      },
    };
  });
  await screenChanged(db);
  return (await getCase(db, ref.id, chinaToday(now))) as CaseView;
}
