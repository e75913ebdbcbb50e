/**
 * Who may do what. Roles are ordered: each can do everything the ones before it can.
 *   viewer   — reads the ledger (cases, history, evidence, exports)
 *   planner  — the viewer's reads, plus the planner's tools across all regions
 *   official — works cases: status, notes, department, evidence, bulk updates
 *   admin    — everything, plus accounts and the audit check
 * A viewer or an official may be scoped to a GB/T 2260 region and then sees only cases inside it.
 */
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

/** Why an account definition is invalid, or null when it is fine. */
export function accountProblem(role: string, region: string | null): string | null {
  if (!isRole(role)) return `role must be one of ${ROLES.join(', ')}, got "${role}"`;
  if (region === null) return null;
  if (!isRegionCode(region)) return `region must be a six-digit GB/T 2260 code, got "${region}"`;
  if (!SCOPABLE_ROLES.includes(role))
    return `only ${SCOPABLE_ROLES.join(' and ')} accounts take a region; "${role}" works across all regions`;
  return null;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
export const MIN_PASSWORD_LENGTH = 10;

export function usernameProblem(name: string): string | null {
  return USERNAME_PATTERN.test(name)
    ? null
    : `username must be 2–64 letters, digits, dots, hyphens or underscores starting with a letter or digit, got "${name}"`;
}

/** No default password anywhere: every account gets one its owner chose, long enough to resist guessing. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters, got ${password.length}`;
  if (password.toLowerCase() === username.toLowerCase()) return 'password must not be the username';
  return null;
}
