/**
 * What the printed page needs from the server: the font with Chinese in it (GET /api/print/font,
 * kept after the first print) and whether the data is the demo (GET /api/print/about).
 */
import { ApiRequestError, request } from '../api/request.ts';

/** The server has no font with Chinese glyphs; the dialog says so in both languages. */
export class FontMissingError extends Error {}

let font: Promise<Uint8Array> | null = null;

export function printFont(): Promise<Uint8Array> {
  font ??= request('/api/print/font')
    .then(async (r) => new Uint8Array(await r.arrayBuffer()))
    .catch((e: unknown) => {
      font = null;
      if (e instanceof ApiRequestError && e.status === 404) throw new FontMissingError(e.message);
      throw e;
    });
  return font;
}

export async function dataIsDemo(): Promise<boolean> {
  const body: unknown = await (await request('/api/print/about')).json();
  const demo = (body as { demo?: unknown } | null)?.demo;
  if (typeof demo !== 'boolean') throw new Error(`GET /api/print/about answered ${JSON.stringify(body)}, without a boolean "demo"`);
  return demo;
}

/** The basemap's attributions from the map's style, without their links; "" when none. */
export function styleAttribution(style: { sources: Record<string, unknown> }): string {
  const seen = new Set<string>();
  for (const source of Object.values(style.sources)) {
    const a = (source as { attribution?: unknown }).attribution;
    if (typeof a === 'string' && a.trim())
      seen.add(
        a
          .replace(/<[^>]*>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
  }
  return [...seen].join('; ');
}
