/**
 * Region dashboard statistics: a province's or prefecture's intensities against 2015 and the 2020
 * targets, added value growth, steel capacity against its cap (GET /stats/region/{code}); and the
 * same per prefecture for one year, for the map's choropleth (GET /stats/regions).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { regionNames } from '../../db/region-store.ts';
import { prefectureYearTotals, regionYearTotals } from '../../db/region-totals.ts';
import { reason } from '../../domain/reasons.ts';
import { regionProgress } from '../../domain/targets/region-progress.ts';
import type { Targets } from '../../domain/targets/targets.ts';
import { loadTargets } from '../../targets/load-targets.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, notFound } from '../schemas/common.ts';
import { regionCode } from '../schemas/enterprise.ts';

const region = createRoute({
  method: 'get',
  path: '/stats/region/{code}',
  tags: ['stats'],
  summary: 'Energy and water intensity vs 2015 and the 2020 targets, added value growth, steel capacity vs its cap',
  request: { params: z.object({ code: regionCode.openapi({ param: { name: 'code', in: 'path' }, example: '130200' }) }) },
  responses: {
    200: {
      description: 'Yearly series and progress against each applicable target',
      content: { 'application/json': { schema: z.any().openapi('RegionProgress') } },
    },
    ...notFound,
    ...errorResponses,
  },
});

const regions = createRoute({
  method: 'get',
  path: '/stats/regions',
  tags: ['stats'],
  summary: 'Per prefecture, for a year: intensity change vs 2015 and added value growth vs the year before',
  request: { query: z.object({ year: z.coerce.number().int().min(1990).max(2100).openapi({ example: 2019 }) }) },
  responses: {
    200: {
      description: 'One row per prefecture with data',
      content: {
        'application/json': {
          schema: z.array(
            z.object({
              code: z.string(),
              energy_change: z.number().nullable(),
              water_change: z.number().nullable(),
              added_value_growth: z.number().nullable(),
            }),
          ),
        },
      },
    },
    ...errorResponses,
  },
});

export function regionStatsRoutes({ db }: AppDeps, targets: Targets = loadTargets()) {
  const steelPrefixes = [...new Set(targets.steel_caps.flatMap((c) => c.sector_prefixes))];
  return router()
    .openapi(region, async (c) => {
      const { code } = c.req.valid('param');
      const known = await regionNames(db, code);
      if (!known) throw ApiError.because(404, reason('region_not_found', { code }));
      const capPrefixes = targets.steel_caps.find((cap) => cap.region === code)?.sector_prefixes ?? steelPrefixes;
      const progress = regionProgress(code, await regionYearTotals(db, code, capPrefixes), targets);
      return c.json({ ...progress, name: known.name, name_en: known.name_en }, 200);
    })
    .openapi(regions, async (c) => {
      const { year } = c.req.valid('query');
      const rows = [];
      for (const [code, totals] of await prefectureYearTotals(db, steelPrefixes)) {
        const y = regionProgress(code, totals, targets).years.find((p) => p.year === year);
        if (y) rows.push({ code, energy_change: y.energy_change, water_change: y.water_change, added_value_growth: y.added_value_growth });
      }
      return c.json(rows, 200);
    });
}
