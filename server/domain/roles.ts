/**
 * Who may do what. Roles are ordered: each can do everything the ones before it can.
 *   viewer   — reads the ledger (cases, history, evidence, exports)
 *   planner  — the viewer's reads, plus the planner's tools across all regions
 *   official — works cases: status, notes, department, evidence, bulk updates
 *   admin    — everything, plus accounts and the audit check
 * A viewer or an official may be scoped to a GB/T 2260 region and then sees only cases inside it.
 */
import { type Reason, reason } from './reasons.ts';
import { isRegionCode, jurisdictionContains } from './regions.ts';

export const ROLES = ['viewer', 'planner', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Only these roles take a region scope; planners and admins work across all regions. */
export const SCOPABLE_ROLES: readonly Role[] = ['viewer', 'official'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** The principal a request acts as, once authenticated. */
export interface Principal {
  userId: number;
  username: string;
  role: Role;
  /** GB/T 2260 code the account is limited to, or null for all regions. */
  region: string | null;
}

/** Can this principal see a case (or anything else) located in `regionCode`? */
export function principalCovers(principal: Pick<Principal, 'region'>, regionCode: string | null): boolean {
  if (principal.region === null) return true;
  return regionCode !== null && jurisdictionContains(principal.region, regionCode);
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

export function usernameReason(username: string): Reason | null {
  return USERNAME_PATTERN.test(username) ? null : reason('account_username_invalid', { username });
}

/** Why a role and region do not make an account, or null when they do. */
export function roleReason(role: string, region: string | null): Reason | null {
  if (!isRole(role)) return reason('account_role_invalid', { role, allowed: ROLES.join(', ') });
  if (region === null) return null;
  if (!isRegionCode(region)) return reason('account_region_invalid', { region });
  if (!SCOPABLE_ROLES.includes(role)) return reason('account_region_not_scopable', { role });
  return null;
}

/** No default password anywhere: every account gets one its owner chose, long enough to resist guessing, and not the username. */
export function passwordReason(password: string, username: string): Reason | null {
  if (password.length < MIN_PASSWORD_LENGTH) return reason('account_password_short', { min: MIN_PASSWORD_LENGTH, length: password.length });
  if (password.toLowerCase() === username.toLowerCase()) return reason('account_password_is_username');
  return null;
}
