/**
 * The audit trail: who changed what, when, from what to what, and why. Entries form one hash
 * chain per entity (each entry's hash covers the previous one), so an entry altered or removed
 * outside the application breaks the chain and the check finds it.
 */

export const AUDIT_ENTITIES = ['case', 'user', 'publication'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const AUDIT_EVENTS = [
  // cases
  'created',
  'status',
  'note',
  'department',
  'assignee',
  'evidence',
  'deadline',
  // an official's change of the deadline, with a reason; screening keeps it from then on
  'deadline_changed',
  // relocation destinations (server/ledger/case-sites.ts): a site proposed, approved by a second
  // official, a proposal withdrawn, the enterprise's location moved to the approved site
  'site_proposed',
  'site_approved',
  'site_withdrawn',
  'location_applied',
  'region',
  'rules',
  'unflagged',
  'reflagged',
  // accounts
  'user_created',
  'password_changed',
  'role_changed',
  'disabled',
  'enabled',
  'token_created',
  'token_revoked',
  // logins of existing accounts (server/http/auth/login-failure-report.ts)
  'login_failed',
  'locked_out',
  // publications
  'published',
  'republished',
  'renamed',
  'withdrawn',
] as const;
export type AuditEvent = (typeof AUDIT_EVENTS)[number];

/** What a caller appends. */
export interface AuditInput {
  entity: AuditEntity;
  entity_id: string;
  /** Username, `screening` for changes the screening run makes, or `anonymous` for failed logins. */
  actor: string;
  event: AuditEvent;
  from: string | null;
  to: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditEntry extends AuditInput {
  id: number;
  /** ISO timestamp, UTC, millisecond precision. */
  at: string;
  /** Position in the entity's chain, from 1. */
  seq: number;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '';

/**
 * The exact text an entry's hash covers. Field order is fixed here; changing it would orphan every
 * stored hash, so it never changes.
 */
export function canonicalAuditText(entry: Omit<AuditEntry, 'id' | 'hash'>): string {
  return JSON.stringify([
    entry.entity,
    entry.entity_id,
    entry.seq,
    entry.at,
    entry.actor,
    entry.event,
    entry.from,
    entry.to,
    entry.reason,
    entry.details === null ? null : sortKeys(entry.details),
    entry.prev_hash,
  ]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as Record<string, unknown>)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
