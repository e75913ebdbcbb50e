/**
 * What a publisher chooses when turning the planner map into a publication: titles, the view and
 * how far a visitor may move from it, zone layers, which enterprises (the map's own filter query),
 * how they are drawn, which fields show, which sites may frame it, and the review number (审图号)
 * and source line a public map in China carries. Validated once at the edge (HTTP or CLI);
 * publishing trusts the result.
 */
import { z } from 'zod';
import { ZONE_KINDS } from '../zone.ts';
import { PUBLIC_FIELDS } from './public-fields.ts';

export const DRAW_MODES = ['points', 'prefecture'] as const;
export type DrawMode = (typeof DRAW_MODES)[number];

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-85).max(85);
const Zoom = z.number().min(0).max(20);

/**
 * A site allowed to frame the embed, as CSP's frame-ancestors spells one: scheme, host (a leading
 * `*.` for its subdomains) and an optional port — no path, no bare `*`.
 */
export const FrameAncestor = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i,
    'expected an origin such as https://www.example.gov.cn (scheme and host, optionally *. and a port; no path)',
  )
  .transform((s) => s.toLowerCase());

export const PublicationSpec = z
  .object({
    title: z.object({
      zh: z.string().trim().min(1, 'a publication needs a title').max(120),
      en: z.string().trim().max(120).default(''),
    }),
    description: z
      .object({ zh: z.string().trim().max(2000).default(''), en: z.string().trim().max(2000).default('') })
      .default({ zh: '', en: '' }),
    /** Where the map opens; null: fitted to the bounds. */
    view: z
      .object({ center: z.tuple([Lon, Lat]), zoom: Zoom })
      .nullable()
      .default(null),
    /** West, south, east, north a visitor may move within; null: the published data's extent. */
    bounds: z.tuple([Lon, Lat, Lon, Lat]).nullable().default(null),
    minZoom: Zoom.default(2),
    maxZoom: Zoom.default(16),
    zones: z.array(z.enum(ZONE_KINDS)).max(ZONE_KINDS.length).default([]),
    /** The planner map's filter query string, e.g. `action=withdraw&region=150200`. */
    filter: z.string().trim().max(20_000).default(''),
    draw: z.enum(DRAW_MODES),
    fields: z.array(z.enum(PUBLIC_FIELDS)).max(PUBLIC_FIELDS.length),
    /** Host sites allowed to frame the embed; empty: any site. */
    frameAncestors: z.array(FrameAncestor).max(50).default([]),
    /** 审图号, shown on the map, the table, the fallback image and the static export. */
    reviewNumber: z.string().trim().max(80).default(''),
    /** The basemap's source line (数据来源), shown beside the review number. */
    sourceLine: z.string().trim().max(300).default(''),
  })
  .superRefine((spec, ctx) => {
    if (spec.draw === 'points' && !spec.fields.includes('location')) {
      ctx.addIssue({
        code: 'custom',
        path: ['draw'],
        message: 'drawing points shows exact coordinates: tick the location field, or draw counts per prefecture',
      });
    }
    if (spec.minZoom > spec.maxZoom) {
      ctx.addIssue({ code: 'custom', path: ['minZoom'], message: `the lowest zoom ${spec.minZoom} is above the highest ${spec.maxZoom}` });
    }
    if (spec.view && (spec.view.zoom < spec.minZoom || spec.view.zoom > spec.maxZoom)) {
      ctx.addIssue({
        code: 'custom',
        path: ['view', 'zoom'],
        message: `the initial zoom ${spec.view.zoom} lies outside the zoom range ${spec.minZoom}–${spec.maxZoom}`,
      });
    }
    if (spec.bounds) {
      const [w, s, e, n] = spec.bounds;
      const [lon, lat] = spec.view?.center ?? [(w + e) / 2, (s + n) / 2];
      if (w >= e || s >= n)
        ctx.addIssue({
          code: 'custom',
          path: ['bounds'],
          message: `west must be below east and south below north, got ${spec.bounds.join(',')}`,
        });
      else if (lon < w || lon > e || lat < s || lat > n) {
        ctx.addIssue({
          code: 'custom',
          path: ['view', 'center'],
          message: `the initial centre ${lon},${lat} lies outside the bounds ${spec.bounds.join(',')}`,
        });
      }
    }
  });

export type PublicationSpecInput = z.input<typeof PublicationSpec>;
export type PublicationSpecT = z.output<typeof PublicationSpec>;

/** Every problem zod found, each naming the field and what was wrong. */
export function describeSpecProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(publication)'}: ${i.message}`).join('; ');
}
