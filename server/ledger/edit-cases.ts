/**
 * An official's edits to cases: status moves along the lifecycle, notes, the deadline (with a
 * reason; screening keeps it from then on), responsible department and assignee. Every edit names
 * the version it was based on; a stale one changes nothing (409).
 * A bulk edit is all or nothing: if any case refuses, none changes and every refusal is listed.
 * Each change is appended to the audit log in the same transaction as the change itself.
 */

import { appendAudit } from '../db/audit-store.ts';
import { type CaseRowUpdate, getCase, updateCaseRow } from '../db/case-store.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { AuditInput } from '../domain/audit.ts';
import type { CaseView } from '../domain/case.ts';
import { type CaseStatus, checkMove, chinaToday } from '../domain/case-lifecycle.ts';
import { reason as because, inEnglish, type Reason } from '../domain/reasons.ts';
import { type Principal, principalCovers } from '../domain/roles.ts';
import { isWriteConflict, LedgerError, type LedgerErrorStatus } from './ledger-error.ts';

export interface CaseEdit {
  status?: CaseStatus;
  /** Why: the reason for a status move or a deadline change, or a progress note on its own. */
  note?: string;
  /** A new deadline (ISO date), set by hand: needs a reason in `note`. */
  deadline?: string;
  department?: string | null;
  assignee?: string | null;
}

export interface CaseRef {
  id: number;
  version: number;
}

interface Refusal {
  id: number;
  status: LedgerErrorStatus;
  message: string;
  /** For the UI to word (domain/reasons.ts). */
  reason?: Reason;
}

interface Planned {
  row: CaseRowUpdate;
  events: AuditInput[];
}

/** What an edit does to one case, or why it cannot. */
function planEdit(actor: Principal, ref: CaseRef, current: CaseView | undefined, edit: CaseEdit): Planned | Refusal {
  const { id } = ref;
  const refuse = (status: LedgerErrorStatus, why: Reason): Refusal => ({
    id,
    status,
    message: inEnglish(why),
    reason: why,
  });
  if (!current) return refuse(404, because('case_not_found', { id }));
  if (!principalCovers(actor, current.region_code)) {
    return refuse(403, because('case_outside_region', { id, region: current.region_code ?? '(none)', scope: actor.region ?? '' }));
  }
  if (current.version !== ref.version) return refuse(409, because('case_stale', { id, current: current.version, based: ref.version }));
  const note = edit.note?.trim() || undefined;
  const row: CaseRowUpdate = {};
  const events: AuditInput[] = [];
  const event = (e: Pick<AuditInput, 'event' | 'from' | 'to' | 'reason'>): AuditInput => ({
    entity: 'case',
    entity_id: String(id),
    actor: actor.username,
    details: null,
    ...e,
  });

  const moving = edit.status !== undefined && edit.status !== current.status;
  if (moving) {
    const to = edit.status as CaseStatus;
    const check = checkMove(current.status, to, note);
    if (!check.ok) {
      return { id, status: check.kind === 'not_allowed' ? 409 : 400, message: `case ${id}: ${check.message}`, reason: check.reason };
    }
    row.status = to;
    row.status_reason = to === 'exempted' || to === 'disputed' ? (note as string) : null;
    events.push(event({ event: 'status', from: current.status, to, reason: note ?? null }));
  }
  const redating = edit.deadline !== undefined && edit.deadline !== current.deadline;
  if (redating) {
    const to = edit.deadline as string;
    if (!note) {
      const why = because('deadline_needs_reason', { from: current.deadline ?? '—', to });
      return { id, status: 400, message: `case ${id}: ${inEnglish(why)}`, reason: why };
    }
    row.deadline = to;
    row.deadline_set_by = actor.username;
    row.deadline_reason = note;
    events.push(event({ event: 'deadline_changed', from: current.deadline, to, reason: note }));
  }
  // A note given as the reason for a move or a new deadline is recorded with it, not again alone.
  const explained = moving || redating;
  for (const field of ['department', 'assignee'] as const) {
    if (edit[field] === undefined) continue;
    const value = edit[field]?.trim() || null;
    if (value === current[field]) continue;
    row[field] = value;
    events.push(event({ event: field, from: current[field], to: value, reason: explained ? null : (note ?? null) }));
  }
  if (note !== undefined) {
    row.last_note = note;
    if (!explained) events.push(event({ event: 'note', from: null, to: note, reason: null }));
  }
  if (events.length === 0) {
    return {
      id,
      status: 400,
      message: `case ${id}: the edit changes nothing (send a new status, a deadline, a note, a department or an assignee)`,
    };
  }
  return { row, events };
}

const SEVERITY: LedgerErrorStatus[] = [400, 403, 404, 409];

async function apply(tx: Queryable, actor: Principal, refs: readonly CaseRef[], edit: CaseEdit, now: Date): Promise<CaseView[]> {
  const today = chinaToday(now);
  const plans: { ref: CaseRef; plan: Planned }[] = [];
  const refusals: Refusal[] = [];
  for (const ref of refs) {
    const plan = planEdit(actor, ref, await getCase(tx, ref.id, today), edit);
    if ('message' in plan) refusals.push(plan);
    else plans.push({ ref, plan });
  }
  if (refusals.length) {
    const status = SEVERITY.find((s) => refusals.some((r) => r.status === s)) ?? 409;
    const first = refusals[0] as Refusal;
    const message =
      refusals.length === 1 ? first.message : `${refusals.length} of ${refs.length} cases refused the change; first: ${first.message}`;
    throw new LedgerError(status, message, refusals, refusals.length === 1 ? first.reason : undefined);
  }
  for (const { ref, plan } of plans) {
    if (!(await updateCaseRow(tx, ref.id, ref.version, plan.row, now))) {
      const why = because('case_changed', { id: ref.id });
      throw new LedgerError(409, inEnglish(why), [{ id: ref.id, status: 409 }], why);
    }
  }
  await appendAudit(
    tx,
    plans.flatMap((p) => p.plan.events),
    now,
  );
  const updated: CaseView[] = [];
  for (const { ref } of plans) updated.push((await getCase(tx, ref.id, today)) as CaseView);
  return updated;
}

async function inTransaction(db: Database, work: (tx: Queryable) => Promise<CaseView[]>): Promise<CaseView[]> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (isWriteConflict(error)) throw new LedgerError(409, 'another edit of the same case was saved at the same moment; reload it');
    throw error;
  }
}

export async function editCase(db: Database, actor: Principal, ref: CaseRef, edit: CaseEdit, now: Date = new Date()): Promise<CaseView> {
  const [updated] = await inTransaction(db, (tx) => apply(tx, actor, [ref], edit, now));
  return updated as CaseView;
}

export async function editCases(
  db: Database,
  actor: Principal,
  refs: readonly CaseRef[],
  edit: CaseEdit,
  now: Date = new Date(),
): Promise<CaseView[]> {
  const ids = new Set<number>();
  for (const ref of refs) {
    if (ids.has(ref.id)) throw new LedgerError(400, `case ${ref.id} is listed twice in one bulk edit`);
    ids.add(ref.id);
  }
  return inTransaction(db, (tx) => apply(tx, actor, refs, edit, now));
}
