import { z } from '@hono/zod-openapi';

/**
 * Enterprises by most severe action at each year end. Aggregate counts only — no enterprise, case
 * or ledger field — which is why anonymous map readers may have it (see the access policy).
 */
export const ActionsOverTimeSchema = z.object({
  years: z.array(z.object({ year: z.number(), as_of: z.string(), flagged: z.number(), counts: z.record(z.string(), z.number()) })),
});
