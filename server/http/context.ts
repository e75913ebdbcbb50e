/** What route modules receive: the database and the server's settings. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ScreeningStatus } from '../screening/catch-up.ts';
import type { AuthState } from './auth/auth-state.ts';
import { invalidRequest } from './errors.ts';
import type { MapFactsHolder } from './map-facts-holder.ts';

export interface AppDeps {
  db: Database;
  config: AppConfig;
  /** Whether screening has caught up with what is committed (server start-up; absent in tests). */
  screening?: ScreeningStatus;
  /** The map's facts, shared with the start-up that warms them (createApp makes one when absent). */
  mapFacts?: MapFactsHolder;
}

/** What middleware leaves on the context for handlers: who is asking (see auth/authenticate.ts). */
export type AppEnv = { Variables: { auth: AuthState } };

/** An OpenAPIHono whose validation failures become our JSON 400 with the offending values. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const input: Record<string, unknown> = result.target === 'query' ? c.req.query() : result.target === 'param' ? c.req.param() : {};
      throw invalidRequest(result.error, input);
    },
  });
}
