/** Schemas of the relocation-site suggestions (routes/relocation.ts); the shapes of domain/relocation/site.ts. */
import { z } from '@hono/zod-openapi';
import { IsoDate } from './screening.ts';

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const position = z.tuple([lon, lat]).openapi({ example: [109.6, 40.62], description: '[lon, lat] in WGS84 degrees' });

/** A closed ring of at least four positions; drawn areas are small, so a few thousand vertices at most. */
const ring = z
  .array(position)
  .min(4)
  .max(5000)
  .refine((r) => {
    const [a, b] = [r[0], r[r.length - 1]];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, 'a ring must end where it starts');

export const PolygonSchema = z
  .object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) })
  .openapi('AreaPolygon', { description: 'A GeoJSON Polygon in WGS84 (RFC 7946)' });

export const EnterpriseIdParam = z.object({
  enterpriseId: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'enterpriseId', in: 'path' }, example: 'E0000022' }),
});

export const SitesQuery = z.object({
  within: z.coerce.number().positive().max(5000).optional().openapi({ description: 'Only sites at most this many km away' }),
  as_of: IsoDate.optional().openapi({
    description: 'Judge as of this date (YYYY-MM-DD); today in China by default',
    example: '2024-06-30',
  }),
  limit: z.coerce.number().int().min(1).max(500).optional().openapi({ description: 'At most this many qualifying sites' }),
});

export const SitesBody = z
  .union([
    z.object({ point: position, as_of: IsoDate.optional() }).strict(),
    z.object({ area: PolygonSchema, as_of: IsoDate.optional() }).strict(),
  ])
  .openapi('RelocationSitesBody', {
    description: 'A point the official chose, or an area drawn (sampled on a grid of at most 200 points)',
  });

const CandidateSiteSchema = z
  .object({
    source: z.enum(['park', 'point', 'area']),
    park_id: z.string().nullable(),
    name: z.string().nullable(),
    name_en: z.string().nullable(),
    lon: z.number(),
    lat: z.number(),
    region_code: z.string().nullable().openapi({ description: 'The prefecture (GB/T 2260) the site lies in' }),
  })
  .openapi('CandidateSite');

const SiteReasonSchema = z
  .object({
    kind: z.enum(['clears', 'still_breaks', 'new_flag', 'next_step', 'sector_not_allowed', 'no_room']),
    rule_id: z.string().nullable(),
    policy: z.string().nullable(),
    title_zh: z.string().nullable(),
    title_en: z.string().nullable(),
    zone_id: z.string().nullable(),
    zone_name: z.string().nullable(),
  })
  .openapi('SiteReason');

const SiteVerdictSchema = z
  .object({
    site: CandidateSiteSchema,
    qualifies: z.boolean(),
    rank: z.number().int().nullable().openapi({ description: '1-based rank among qualifying sites; null for the others' }),
    distance_km: z.number().openapi({ description: "Geodesic distance from the enterprise's position" }),
    same_prefecture: z.boolean(),
    same_province: z.boolean(),
    sector_fit: z.enum(['listed', 'not_listed', 'open']),
    land_free_ha: z.number().nullable(),
    reasons: z.array(SiteReasonSchema),
  })
  .openapi('SiteVerdict');

export const SiteSuggestionsSchema = z
  .object({
    enterprise_id: z.string(),
    as_of: z.string(),
    origin: z.object({ lon: z.number(), lat: z.number(), region_code: z.string().nullable() }),
    moving_rules: z.array(
      z.object({ rule_id: z.string(), action: z.string(), policy: z.string(), title_zh: z.string(), title_en: z.string() }),
    ),
    sites: z.array(SiteVerdictSchema).openapi({ description: 'Qualifying sites in rank order, then the others nearest first' }),
  })
  .openapi('SiteSuggestions');

export const ParkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    name_en: z.string().nullable(),
    region_code: z.string().nullable(),
    sectors: z.array(z.string()).openapi({ description: 'GB/T 4754 prefixes the park admits; empty: open to all' }),
    land_total_ha: z.number().nullable(),
    land_free_ha: z.number().nullable(),
    lon: z.number().openapi({ description: 'The site point, inside the park' }),
    lat: z.number(),
  })
  .openapi('Park');

export const ParkListSchema = z.array(ParkSchema).openapi('ParkList');
