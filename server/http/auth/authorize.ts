/**
 * Applies the access policy to every API request before its handler runs: 404 when no route (or
 * no policy) matches, 401 without a login where one is needed (the planner map's routes need one
 * unless public-map is on), 403 for too low a role or for a region-scoped account on an
 * all-regions route.
 */
import type { MiddlewareHandler } from 'hono';
import { roleAtLeast } from '../../domain/roles.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ACCESS_POLICY, type PolicyEntry, policyFor } from './access-policy.ts';
import { authState } from './auth-state.ts';

/** `mapIsPublic` answers whether the database's owner opened the planner map to anonymous readers. */
export function authorize(mapIsPublic: () => Promise<boolean>, policy: readonly PolicyEntry[] = ACCESS_POLICY): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const entry = policyFor(c.req.method, c.req.path, policy);
    if (!entry) throw new ApiError(404, `no API route ${c.req.method} ${c.req.path}`);
    const { access } = entry;
    if (access.kind === 'public') return next();
    const { principal } = authState(c);
    if (access.kind === 'map') {
      if (principal || (await mapIsPublic())) return next();
      throw new ApiError(401, `log in first: the planner map is open to accounts only on this server (${entry.method} ${entry.path})`);
    }
    if (!principal) throw new ApiError(401, `log in first: ${entry.method} ${entry.path} needs a session or an API token`);
    if (!roleAtLeast(principal.role, access.role)) {
      throw new ApiError(
        403,
        `${entry.method} ${entry.path} needs the ${access.role} role or higher; "${principal.username}" is ${principal.role}`,
      );
    }
    if (access.region === 'all-regions' && principal.region !== null) {
      throw new ApiError(
        403,
        `${entry.method} ${entry.path} works across all regions; "${principal.username}" is limited to region ${principal.region}`,
      );
    }
    return next();
  };
}
