/** The screening run in force, the rule set behind it, and actions as of another date. */
import { createRoute, z } from '@hono/zod-openapi';
import { getMeta } from '../../db/meta-store.ts';
import { activeRuleSet } from '../../db/rule-set-store.ts';
import { lastRunSummary } from '../../db/screening-run-store.ts';
import { countScreeningNotes, enterprisesByMostSevereAction, flagsByAction } from '../../db/stats-store.ts';
import { evaluateAsOf } from '../../screening/evaluate-as-of.ts';
import { type AppDeps, router } from '../context.ts';
import { errorResponses } from '../schemas/common.ts';
import { IsoDate } from '../schemas/screening.ts';

const summary = createRoute({
  method: 'get',
  path: '/screening',
  tags: ['screening'],
  summary: 'The latest screening run: when, as of which date, with which rule set and data, and its counts',
  responses: {
    200: {
      description: 'Run summary; run is null before the first screening',
      content: {
        'application/json': {
          schema: z.object({
            run: z
              .object({
                id: z.number(),
                as_of: z.string(),
                rule_set_version: z.number().nullable(),
                data_version: z.number(),
                enterprises: z.number(),
                flags: z.number(),
                seconds: z.number().nullable(),
                finished_at: z.string().nullable(),
              })
              .nullable(),
            flags_by_action: z.record(z.string(), z.number()),
            enterprises_by_action: z
              .record(z.string(), z.number())
              .openapi({ description: 'Enterprises counted once, by their most severe action' }),
            notes: z.number(),
          }),
        },
      },
    },
  },
});

const rules = createRoute({
  method: 'get',
  path: '/rules',
  tags: ['screening'],
  summary: 'The rule set in force',
  responses: {
    200: {
      description: 'Rule set with its version',
      content: { 'application/json': { schema: z.object({ version: z.number(), name: z.string(), rules: z.array(z.any()) }) } },
    },
  },
});

const actionsAsOf = createRoute({
  method: 'get',
  path: '/screening/actions.bin',
  tags: ['screening'],
  summary: 'Each enterprise’s most severe action as of a date: one byte per enterprise in key order (same order as /enterprises/points)',
  request: { query: z.object({ as_of: IsoDate.openapi({ example: '2019-12-31' }) }) },
  responses: {
    200: {
      description: 'Action codes (0 = none, else 1 + index into the catalogue actions)',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

export function screeningRoutes({ db }: AppDeps) {
  // Evaluating a date runs the rules over every enterprise; keep the last few answers.
  const cache = new Map<string, Uint8Array>();
  return router()
    .openapi(summary, async (c) => {
      const run = await lastRunSummary(db);
      const flags = await flagsByAction(db);
      const enterprises = await enterprisesByMostSevereAction(db);
      const notes = await countScreeningNotes(db);
      return c.json({ run: run ?? null, flags_by_action: flags, enterprises_by_action: enterprises, notes }, 200);
    })
    .openapi(rules, async (c) => {
      const stored = await activeRuleSet(db);
      return c.json({ version: stored.version, name: stored.name, rules: stored.ruleSet.rules }, 200);
    })
    .openapi(actionsAsOf, async (c) => {
      const { as_of } = c.req.valid('query');
      const key = `${(await getMeta(db, 'data_version')) ?? 0}|${(await getMeta(db, 'screening_run')) ?? 0}|${as_of}`;
      let bytes = cache.get(key);
      if (!bytes) {
        bytes = (await evaluateAsOf(db, as_of)).actions;
        cache.set(key, bytes);
        if (cache.size > 8) cache.delete(cache.keys().next().value as string);
      }
      c.header('content-type', 'application/octet-stream');
      c.header('cache-control', 'no-cache');
      return c.body(bytes.slice().buffer as ArrayBuffer, 200);
    });
}
