/** Counts for dashboards: flags by action × region × sector, and actions over the years. */
import { createRoute, z } from '@hono/zod-openapi';
import { getMeta } from '../../db/meta-store.ts';
import { type FlagCountRow, flagCountsByRegionSector } from '../../db/stats-store.ts';
import { ACTIONS, type Action } from '../../domain/actions.ts';
import { reason } from '../../domain/reasons.ts';
import { jurisdictionContains } from '../../domain/regions.ts';
import type { Principal } from '../../domain/roles.ts';
import { sectorGroup } from '../../domain/sectors.ts';
import { evaluateAsOf } from '../../screening/evaluate-as-of.ts';
import { caller } from '../auth/auth-state.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses } from '../schemas/common.ts';
import { regionCode } from '../schemas/enterprise.ts';
import { IsoDate } from '../schemas/screening.ts';
import { ActionsOverTimeSchema } from '../schemas/stats.ts';

const actions = createRoute({
  method: 'get',
  path: '/stats/actions',
  tags: ['stats'],
  summary: 'Flags and flagged enterprises by action × region × sector',
  request: {
    query: z.object({
      region: regionCode.optional().openapi({ description: 'Only enterprises in this region' }),
      region_level: z.enum(['province', 'prefecture']).default('prefecture'),
      sector_level: z
        .enum(['section', 'division', 'group', 'class'])
        .default('division')
        .openapi({ description: 'group = the map’s sector colour groups' }),
    }),
  },
  responses: {
    200: {
      description: 'One row per region, sector and action',
      content: {
        'application/json': {
          schema: z.object({
            as_of: z.string().nullable(),
            rows: z.array(
              z.object({
                region: z.string().nullable(),
                sector: z.string(),
                action: z.enum(ACTIONS),
                flags: z.number(),
                enterprises: z.number(),
              }),
            ),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

const overTime = createRoute({
  method: 'get',
  path: '/stats/actions-over-time',
  tags: ['stats'],
  summary: 'Enterprises by most severe action, screened as of 31 December of each year (or one date)',
  request: {
    query: z.object({
      region: regionCode.optional(),
      from: z.coerce.number().int().min(2000).max(2100).default(2016),
      to: z.coerce.number().int().min(2000).max(2100).default(new Date().getFullYear()),
    }),
  },
  responses: {
    200: {
      description: 'One entry per year',
      content: {
        'application/json': {
          schema: ActionsOverTimeSchema,
        },
      },
    },
    ...errorResponses,
  },
});

const asOf = createRoute({
  method: 'get',
  path: '/stats/actions-as-of',
  tags: ['stats'],
  summary: 'Enterprises by most severe action, screened as of one date',
  request: { query: z.object({ as_of: IsoDate, region: regionCode.optional() }) },
  responses: {
    200: {
      description: 'Counts',
      content: {
        'application/json': { schema: z.object({ as_of: z.string(), flagged: z.number(), counts: z.record(z.string(), z.number()) }) },
      },
    },
    ...errorResponses,
  },
});

const MAX_YEARS = 15;

/** A region-scoped account asks about its region, or a part of it; never wider. */
function regionWithinScope(principal: Principal, region: string | undefined): string | undefined {
  if (!principal.region) return region;
  if (region === undefined) return principal.region;
  if (!jurisdictionContains(principal.region, region)) {
    throw ApiError.because(403, reason('region_outside_scope', { region, scope: principal.region }));
  }
  return region;
}

function rollUp(sector: string, level: 'section' | 'division' | 'group' | 'class'): string {
  if (level === 'class') return sector;
  if (level === 'group') return sectorGroup(sector);
  return level === 'section' ? sector.slice(0, 1) : sector.slice(0, 3);
}

export function statsRoutes({ db }: AppDeps) {
  const cache = new Map<string, { flagged: number; counts: Record<Action, number> }>();
  const countsAsOf = async (date: string, region: string | undefined) => {
    const key = `${(await getMeta(db, 'data_version')) ?? 0}|${(await getMeta(db, 'screening_run')) ?? 0}|${date}|${region ?? ''}`;
    let hit = cache.get(key);
    if (!hit) {
      const result = await evaluateAsOf(db, date, region ? { regions: [region] } : undefined);
      hit = { flagged: result.flagged, counts: result.enterprisesByAction };
      cache.set(key, hit);
      if (cache.size > 256) cache.delete(cache.keys().next().value as string);
    }
    return hit;
  };

  return router()
    .openapi(actions, async (c) => {
      const q = c.req.valid('query');
      const rows = await flagCountsByRegionSector(db, q.region_level, q.region);
      // Roll sectors up in TypeScript: the colour groups live in the domain code, not in SQL.
      // Enterprise counts stay exact because each class row counts distinct enterprises of one
      // class, and an enterprise has one class.
      const merged = new Map<string, FlagCountRow>();
      for (const r of rows) {
        const sector = rollUp(r.sector, q.sector_level);
        const key = `${r.region}|${sector}|${r.action}`;
        const m = merged.get(key) ?? { region: r.region, sector, action: r.action, flags: 0, enterprises: 0 };
        m.flags += r.flags;
        m.enterprises += r.enterprises;
        merged.set(key, m);
      }
      const sorted = [...merged.values()].sort(
        (a, b) =>
          (a.region ?? '').localeCompare(b.region ?? '') ||
          a.sector.localeCompare(b.sector) ||
          ACTIONS.indexOf(a.action) - ACTIONS.indexOf(b.action),
      );
      return c.json({ as_of: (await getMeta(db, 'screening_as_of')) ?? null, rows: sorted }, 200);
    })
    .openapi(overTime, async (c) => {
      // A planner-map read (access policy): the answer depends on the URL alone, never on who asks,
      // because the response cache shares it between callers. So no region scope here; the counts
      // are aggregates like /stats/actions, which region-scoped accounts read for any region too.
      const q = c.req.valid('query');
      if (q.to < q.from) throw ApiError.because(400, reason('years_inverted', { from: q.from, to: q.to }));
      if (q.to - q.from + 1 > MAX_YEARS) throw ApiError.because(400, reason('years_too_many', { max: MAX_YEARS, from: q.from, to: q.to }));
      const years = [];
      for (let year = q.from; year <= q.to; year++) {
        const date = `${year}-12-31`;
        const { flagged, counts } = await countsAsOf(date, q.region);
        years.push({ year, as_of: date, flagged, counts });
      }
      return c.json({ years }, 200);
    })
    .openapi(asOf, async (c) => {
      const q = c.req.valid('query');
      q.region = regionWithinScope(caller(c), q.region);
      const { flagged, counts } = await countsAsOf(q.as_of, q.region);
      return c.json({ as_of: q.as_of, flagged, counts }, 200);
    });
}
