/**
 * Applies the access policy to every API request before its handler runs: 404 when no route (or
 * no policy) matches, 401 without a login where one is needed (the planner map's routes need one
 * unless public-map is on), 403 for too low a role or for a region-scoped account on an
 * all-regions route.
 */
import type { MiddlewareHandler } from 'hono';
import { reason } from '../../domain/reasons.ts';
import { roleAtLeast } from '../../domain/roles.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ACCESS_POLICY, type PolicyEntry, policyFor } from './access-policy.ts';
import { authState } from './auth-state.ts';

/** `mapIsPublic` answers whether the database's owner opened the planner map to anonymous readers. */
export function authorize(mapIsPublic: () => Promise<boolean>, policy: readonly PolicyEntry[] = ACCESS_POLICY): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const entry = policyFor(c.req.method, c.req.path, policy);
    if (!entry) throw ApiError.because(404, reason('http_no_route', { route: `${c.req.method} ${c.req.path}` }));
    const { access } = entry;
    const route = `${entry.method} ${entry.path}`;
    if (access.kind === 'public') return next();
    const { principal } = authState(c);
    if (access.kind === 'map') {
      if (principal || (await mapIsPublic())) return next();
      throw ApiError.because(401, reason('http_login_first_map', { route }));
    }
    if (!principal) throw ApiError.because(401, reason('http_login_first', { route }));
    if (!roleAtLeast(principal.role, access.role)) {
      throw ApiError.because(
        403,
        reason('http_role_needed', { route, role: access.role, username: principal.username, has: principal.role }),
      );
    }
    if (access.region === 'all-regions' && principal.region !== null) {
      throw ApiError.because(403, reason('http_all_regions_only', { route, username: principal.username, region: principal.region }));
    }
    return next();
  };
}
