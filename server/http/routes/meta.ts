/** What the web app needs to know at start: catalogues for filters and the configured basemaps. */
import { createRoute, z } from '@hono/zod-openapi';
import { PLANT_STATUSES } from '../../domain/enterprise.ts';
import { DEMO_REGIONS } from '../../domain/regions.ts';
import { SECTOR_GROUP_NAMES, SECTOR_GROUPS, SECTORS } from '../../domain/sectors.ts';
import { type AppDeps, router } from '../context.ts';

const catalogue = createRoute({
  method: 'get',
  path: '/catalogue',
  tags: ['meta'],
  summary: 'Sector tree, sector groups, regions, plant statuses and configured basemaps',
  responses: {
    200: {
      description: 'Catalogues',
      content: {
        'application/json': {
          schema: z.object({
            sectors: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), group: z.string() })),
            sectorGroups: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })),
            regions: z.array(
              z.object({
                code: z.string(),
                zh: z.string(),
                en: z.string(),
                level: z.string(),
                parent: z.string().nullable(),
                centre: z.array(z.number()),
              }),
            ),
            statuses: z.array(z.string()),
            basemaps: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                name_en: z.string().optional(),
                type: z.string(),
                url: z.string(),
                attribution: z.string().optional(),
              }),
            ),
          }),
        },
      },
    },
  },
});

export function metaRoutes({ config }: AppDeps) {
  return router().openapi(catalogue, (c) =>
    c.json(
      {
        sectors: SECTORS.map((s) => ({ ...s })),
        sectorGroups: SECTOR_GROUPS.map((id) => ({ id, ...SECTOR_GROUP_NAMES[id] })),
        regions: DEMO_REGIONS.map((r) => ({ ...r, centre: [...r.centre] })),
        statuses: [...PLANT_STATUSES],
        basemaps: config.basemaps,
      },
      200,
    ),
  );
}
