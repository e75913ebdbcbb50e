/** What the web app needs to know at start: catalogues for filters and the configured basemaps. */
import { createRoute } from '@hono/zod-openapi';
import { listPrefectures } from '../../db/region-index.ts';
import { listRegionEntries } from '../../db/region-store.ts';
import { ACTION_NAMES, ACTIONS } from '../../domain/actions.ts';
import { PLANT_STATUSES } from '../../domain/enterprise.ts';
import { demoRegion } from '../../domain/regions.ts';
import { SECTOR_GROUP_NAMES, SECTOR_GROUPS, SECTORS } from '../../domain/sectors.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { type AppDeps, router } from '../context.ts';
import { MapFactsHolder } from '../map-facts-holder.ts';
import { CatalogueSchema } from '../schemas/meta.ts';

const catalogue = createRoute({
  method: 'get',
  path: '/catalogue',
  tags: ['meta'],
  summary: 'Sectors, actions, regions, statuses, zone kinds and configured basemaps; the keys to the point payload',
  responses: { 200: { description: 'Catalogues', content: { 'application/json': { schema: CatalogueSchema } } } },
});

export function metaRoutes({ db, config, mapFacts }: AppDeps) {
  const holder = mapFacts ?? new MapFactsHolder(db, config.mapServerAbove);
  return router().openapi(catalogue, async (c) => {
    const regions = await listRegionEntries(db);
    const prefectures = await listPrefectures(db);
    return c.json(
      {
        sectors: SECTORS.map((s) => ({ ...s })),
        sectorGroups: SECTOR_GROUPS.map((id) => ({ id, ...SECTOR_GROUP_NAMES[id] })),
        actions: ACTIONS.map((id) => ({ id, ...ACTION_NAMES[id] })),
        regions: regions.map((r) => ({
          code: r.code,
          zh: r.name,
          en: r.name_en ?? r.name,
          level: r.level,
          parent: r.parent,
          // The seat of government where we know it, else the middle of the bounding box.
          centre: [...(demoRegion(r.code)?.centre ?? [r.cx, r.cy])],
        })),
        prefectureOrder: prefectures.map((p) => p.code),
        statuses: [...PLANT_STATUSES],
        zoneKinds: [...ZONE_KINDS],
        map: await holder.mode(),
        basemaps: config.basemaps,
      },
      200,
    );
  });
}
