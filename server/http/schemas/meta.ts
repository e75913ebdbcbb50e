/** GET /api/catalogue: what the web app needs to know at start (routes/meta.ts). */
import { z } from '@hono/zod-openapi';

const Named = z.object({ id: z.string(), zh: z.string(), en: z.string() });

export const CatalogueSchema = z
  .object({
    sectors: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), group: z.string() })),
    sectorGroups: z.array(Named).openapi({ description: 'Order = the group byte of the point payload' }),
    actions: z.array(Named).openapi({ description: 'Order = action byte − 1 of the point payload' }),
    regions: z.array(
      z.object({
        code: z.string(),
        zh: z.string(),
        en: z.string(),
        level: z.string(),
        parent: z.string().nullable(),
        centre: z.tuple([z.number(), z.number()]).openapi({ description: 'lon, lat' }),
      }),
    ),
    prefectureOrder: z.array(z.string()).openapi({ description: 'Region r of the point payload means prefectureOrder[r − 1]' }),
    statuses: z.array(z.string()).openapi({ description: 'Order = bits 0–2 of the packed byte' }),
    zoneKinds: z.array(z.string()).openapi({ description: 'Order = bits 3–7 of the packed byte' }),
    map: z.object({ mode: z.enum(['browser', 'server']), enterprises: z.number().int() }).openapi({
      description:
        'How the planner map works: `browser` downloads every point (GET /api/enterprises/points); `server` (more enterprises than GREENLINE_MAP_SERVER_ABOVE) asks /api/map/* for counts, cells and the plants around the view',
    }),
    basemaps: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        name_en: z.string().optional(),
        type: z.string(),
        url: z.string(),
        attribution: z.string().optional(),
        layer: z.enum(['vec', 'img']).optional().openapi({ description: 'tianditu: the base layer; labels follow the UI language' }),
        key: z.string().optional().openapi({ description: "tianditu: the operator's browser key (tk), sent with every tile" }),
      }),
    ),
  })
  .openapi('Catalogue');
