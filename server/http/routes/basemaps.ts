/**
 * Local PMTiles basemaps, served from our own origin so that an offline deployment can still have
 * a detailed basemap. PMTiles readers fetch byte ranges; this answers them with 206.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { reason } from '../../domain/reasons.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, notFound } from '../schemas/common.ts';

const archive = createRoute({
  method: 'get',
  path: '/basemaps/{file}',
  tags: ['map'],
  summary: 'A configured local PMTiles basemap archive (GREENLINE_BASEMAPS entry with a file); honours Range',
  request: {
    params: z.object({
      file: z
        .string()
        .regex(/^[a-z0-9-]+\.pmtiles$/, 'expected {basemap id}.pmtiles')
        .openapi({ param: { name: 'file', in: 'path' }, example: 'local.pmtiles' }),
    }),
  },
  responses: {
    200: { description: 'The whole archive', content: { 'application/vnd.pmtiles': { schema: z.string().openapi({ format: 'binary' }) } } },
    206: {
      description: 'The byte range asked for',
      content: { 'application/vnd.pmtiles': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...notFound,
    ...errorResponses,
  },
});

export function basemapRoutes({ config }: AppDeps) {
  return router().openapi(archive, (c) => {
    const id = c.req.valid('param').file.replace(/\.pmtiles$/, '');
    const path = config.basemapFiles?.[id];
    if (!path) throw ApiError.because(404, reason('basemap_not_configured', { id }));
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw ApiError.because(404, reason('basemap_file_missing', { id, path }));
    }
    c.header('content-type', 'application/vnd.pmtiles');
    c.header('accept-ranges', 'bytes');
    const range = c.req.header('range');
    if (!range) {
      c.header('content-length', String(size));
      return c.body(Readable.toWeb(createReadStream(path)) as ReadableStream, 200);
    }
    const m = /^bytes=(\d+)-(\d*)$/.exec(range);
    const start = m ? Number(m[1]) : Number.NaN;
    const end = m?.[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
    if (!m || start > end || start >= size) {
      c.header('content-range', `bytes */${size}`);
      return c.json(
        { error: { code: 'bad_request', message: `range ${range} is not within the ${size} bytes of basemap "${id}"` } },
        416 as 400,
      );
    }
    c.header('content-range', `bytes ${start}-${end}/${size}`);
    c.header('content-length', String(end - start + 1));
    return c.body(Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream, 206);
  });
}
