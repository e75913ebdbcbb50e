/**
 * What printing a map needs from the server: a font with Chinese in it, found among the system's
 * well-known font paths (the browser embeds a subset of it in the PDF), and whether the data is
 * the generated demo (a printed map of it says the data is illustrative).
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { getMeta } from '../../db/meta-store.ts';
import { type AppDeps, router } from '../context.ts';
import { ApiError } from '../errors.ts';
import { errorResponses, notFound } from '../schemas/common.ts';

/**
 * Debian's fonts-wqy-microhei and fonts-noto-cjk, then others of their kind. TrueType outlines
 * first: fontkit subsets them cleanly, where some CFF-outlined collections lose glyphs.
 */
export const CJK_FONT_PATHS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
] as const;

/** The first of the paths that is a file, or null. */
export function findFont(paths: readonly string[]): { path: string; size: number } | null {
  for (const path of paths) {
    try {
      const s = statSync(path);
      if (s.isFile()) return { path, size: s.size };
    } catch {
      // Not there: try the next.
    }
  }
  return null;
}

const font = createRoute({
  method: 'get',
  path: '/print/font',
  tags: ['map'],
  summary: 'A font with Chinese glyphs from the server system (TrueType or a collection), for printed maps',
  responses: {
    200: { description: 'The font file', content: { 'font/collection': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...notFound,
    ...errorResponses,
  },
});

const about = createRoute({
  method: 'get',
  path: '/print/about',
  tags: ['map'],
  summary: 'What a printed map must say of the data: whether it is the generated demo',
  responses: {
    200: {
      description: 'Facts for the printed page',
      content: { 'application/json': { schema: z.object({ demo: z.boolean() }).openapi('PrintAbout') } },
    },
    ...errorResponses,
  },
});

export function printRoutes({ db }: AppDeps, paths: readonly string[] = CJK_FONT_PATHS) {
  return router()
    .openapi(font, (c) => {
      const found = findFont(paths);
      if (!found)
        throw new ApiError(
          404,
          `no font with Chinese glyphs on the server: looked for ${paths.join(', ')} (install fonts-wqy-microhei or fonts-noto-cjk)`,
        );
      c.header('content-type', found.path.endsWith('.ttc') ? 'font/collection' : 'font/ttf');
      c.header('content-length', String(found.size));
      c.header('cache-control', 'private, max-age=86400');
      return c.body(Readable.toWeb(createReadStream(found.path)) as ReadableStream, 200);
    })
    .openapi(about, async (c) => c.json({ demo: (await getMeta(db, 'demo')) !== undefined }, 200));
}
