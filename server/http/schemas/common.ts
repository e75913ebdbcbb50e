/** Schemas shared by several routes. They validate requests and generate the OpenAPI document. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'bad_request' }),
      message: z.string().openapi({ example: 'limit: Too big: expected number to be <=1000 (got "5000")' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Bad parameters', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const notFound = { 404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } } } as const;

/** A comma-separated list in a query parameter: `status=operating,mothballed`. */
export const csvList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    )
    .pipe(z.array(item));

export const bboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',').map(Number);
    const [w, south, e, n] = parts as [number, number, number, number];
    if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) {
      ctx.addIssue({ code: 'custom', message: 'expected four numbers west,south,east,north' });
      return z.NEVER;
    }
    if (w > e || south > n || w < -180 || e > 180 || south < -90 || n > 90) {
      ctx.addIssue({ code: 'custom', message: 'expected west ≤ east within ±180 and south ≤ north within ±90' });
      return z.NEVER;
    }
    return [w, south, e, n] as [number, number, number, number];
  })
  .openapi({ example: '109.5,40.4,110.2,40.9', description: 'west,south,east,north in WGS84 degrees' });

export const GeoJsonFeatureCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) })
  .openapi('FeatureCollection');
