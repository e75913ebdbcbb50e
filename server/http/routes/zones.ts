/** Zone layers and region boundaries as GeoJSON FeatureCollections. */
import { createRoute, z } from '@hono/zod-openapi';
import { listRegions, listZones } from '../../db/zone-store.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { type AppDeps, router } from '../context.ts';
import { errorResponses, GeoJsonFeatureCollection } from '../schemas/common.ts';

const zones = createRoute({
  method: 'get',
  path: '/zones',
  tags: ['zones'],
  summary: 'Zones of one kind (or all) as GeoJSON',
  request: { query: z.object({ kind: z.enum(ZONE_KINDS).optional().openapi({ example: 'nature_reserve' }) }) },
  responses: {
    200: {
      description: 'FeatureCollection; properties carry id, kind, zone_type, level, name, name_en and attributes',
      content: { 'application/json': { schema: GeoJsonFeatureCollection } },
    },
    ...errorResponses,
  },
});

const regions = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['zones'],
  summary: 'Region boundaries (GB/T 2260) as GeoJSON',
  request: { query: z.object({ level: z.enum(['province', 'prefecture', 'county']).optional() }) },
  responses: {
    200: {
      description: 'FeatureCollection; properties carry code, name, name_en, level and parent',
      content: { 'application/json': { schema: GeoJsonFeatureCollection } },
    },
    ...errorResponses,
  },
});

export function zoneRoutes({ db }: AppDeps) {
  return router()
    .openapi(zones, async (c) => {
      const { kind } = c.req.valid('query');
      const features = (await listZones(db, kind)).map(({ geometry, attributes, ...props }) => ({
        type: 'Feature' as const,
        id: props.id,
        properties: { ...attributes, ...props },
        geometry,
      }));
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    })
    .openapi(regions, async (c) => {
      const { level } = c.req.valid('query');
      const features = (await listRegions(db, level))
        .filter((r) => r.geometry)
        .map(({ geometry, ...props }) => ({ type: 'Feature' as const, id: props.code, properties: props, geometry }));
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    });
}
