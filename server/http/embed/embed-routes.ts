/**
 * What the public reaches: published embeds and nothing else. Every answer comes from a frozen
 * version's files (publish/), never from live tables; a withdrawn publication answers 410 with a
 * short bilingual page, an unknown one 404.
 *
 *   /embed/{id}                  the latest version's map      (cached a minute: it changes on re-publish)
 *   /embed/{id}/table            …its table view
 *   /embed/{id}/fallback.svg     …its still image, for the snippet's <noscript>
 *   /embed/{id}/v/{n}            version n's map, and /table
 *   /embed/{id}/v/{n}/{file}     version n's files: meta, rows, tiles, CSV (immutable, ETag, ranges)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Context, Hono } from 'hono';
import { type EmbedLang, embedLang } from '../../domain/publish/embed-messages.ts';
import type { PublicRow, SnapshotMeta } from '../../domain/publish/snapshot.ts';
import { type EmbedAssets, readEmbedAssets } from '../../publish/embed-assets.ts';
import { embedPage } from '../../publish/pages/embed-page.ts';
import { statusPage } from '../../publish/pages/status-page.ts';
import { tablePage } from '../../publish/pages/table-page.ts';
import { versionDir } from '../../publish/publications.ts';
import { setEmbedHeaders } from './embed-headers.ts';
import type { PublicationCache } from './publication-cache.ts';
import { IMMUTABLE, sendFile } from './send-file.ts';

export interface EmbedDeps {
  cache: PublicationCache;
  publicationsDir: string;
  /** The built web app, for the embed's scripts and styles; null in API-only tests. */
  webDir: string | null;
}

const LATEST = 'public, max-age=60';
/** A versioned page names the current build's script files, which a later build replaces. */
const VERSIONED_PAGE = 'public, max-age=3600';
const ID = /^[a-z2-9]{10}$/;

interface Resolved {
  id: string;
  version: number;
  meta: SnapshotMeta;
  frameAncestors: string[];
  files: Record<string, { bytes: number; sha256: string }>;
}

export function embedRoutes(deps: EmbedDeps) {
  const app = new Hono();
  const metaCache = new Map<string, { meta: SnapshotMeta; firstRows: PublicRow[] }>();
  let assets: EmbedAssets | null = null;
  const assetsOf = () => {
    if (!deps.webDir) throw new Error('the web app is not configured (webDir), so embed pages cannot be served');
    assets ??= readEmbedAssets(deps.webDir, '/');
    return assets;
  };

  const status = (c: Context, kind: 'gone' | 'notFound') => {
    setEmbedHeaders(c, []);
    c.header('cache-control', 'public, max-age=60');
    return c.html(statusPage(kind), kind === 'gone' ? 410 : 404);
  };

  /** The version a request means (latest when n is absent), or the page to answer instead. */
  async function resolve(c: Context, id: string, n: string | undefined): Promise<Resolved | Response> {
    if (!ID.test(id)) return status(c, 'notFound');
    const publication = await deps.cache.publication(id);
    if (!publication) return status(c, 'notFound');
    if (publication.status === 'withdrawn') return status(c, 'gone');
    const version = n === undefined ? publication.latest_version : Number(n);
    if (!Number.isInteger(version) || version < 1) return status(c, 'notFound');
    const row = await deps.cache.version(id, version);
    if (!row) return status(c, 'notFound');
    const key = `${id}/${version}`;
    let frozen = metaCache.get(key);
    if (!frozen) {
      const dir = versionDir(deps.publicationsDir, id, version);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as SnapshotMeta;
      const firstRows = meta.chunks > 0 ? (JSON.parse(readFileSync(join(dir, 'rows/0.json'), 'utf8')).rows as PublicRow[]) : [];
      frozen = { meta, firstRows };
      if (metaCache.size > 200) metaCache.clear();
      metaCache.set(key, frozen);
    }
    return { id, version, meta: frozen.meta, frameAncestors: row.spec.frameAncestors, files: row.files };
  }

  const langOf = (c: Context): EmbedLang => embedLang(c.req.query('lang')) ?? 'zh';
  const otherLang = (c: Context, lang: EmbedLang) => {
    const url = new URL(c.req.url);
    url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
    return `${url.pathname}${url.search}`;
  };

  const page = async (c: Context, kind: 'map' | 'table', versioned: boolean) => {
    const r = await resolve(c, c.req.param('id') as string, versioned ? c.req.param('n') : undefined);
    if (r instanceof Response) return r;
    const lang = langOf(c);
    const base = versioned ? `/embed/${r.id}/v/${r.version}` : `/embed/${r.id}`;
    const dataBase = `/embed/${r.id}/v/${r.version}/`;
    const html =
      kind === 'map'
        ? embedPage({
            meta: r.meta,
            lang,
            assets: assetsOf().embed,
            dataBase,
            tableUrl: `${base}/table?lang=${lang}`,
            otherLangUrl: otherLang(c, lang),
          })
        : tablePage({
            meta: r.meta,
            lang,
            assets: assetsOf().table,
            dataBase,
            mapUrl: `${base}?lang=${lang}`,
            otherLangUrl: otherLang(c, lang),
            firstRows: metaCache.get(`${r.id}/${r.version}`)?.firstRows ?? [],
          });
    setEmbedHeaders(c, r.frameAncestors);
    c.header('cache-control', versioned ? VERSIONED_PAGE : LATEST);
    return c.html(html, 200);
  };

  const file = async (c: Context, name: string, versioned: boolean) => {
    const r = await resolve(c, c.req.param('id') as string, versioned ? c.req.param('n') : undefined);
    if (r instanceof Response) return r;
    const entry = r.files[name];
    // Only files the version recorded: no path is ever built from what the request says.
    if (!entry) return status(c, 'notFound');
    setEmbedHeaders(c, r.frameAncestors, name);
    return sendFile(
      c,
      { path: join(versionDir(deps.publicationsDir, r.id, r.version), name), name, ...entry },
      versioned ? IMMUTABLE : LATEST,
    );
  };

  return app
    .get('/embed/:id', (c) => page(c, 'map', false))
    .get('/embed/:id/table', (c) => page(c, 'table', false))
    .get('/embed/:id/fallback.svg', (c) => file(c, 'fallback.svg', false))
    .get('/embed/:id/v/:n', (c) => page(c, 'map', true))
    .get('/embed/:id/v/:n/table', (c) => page(c, 'table', true))
    .get('/embed/:id/v/:n/rows/:chunk', (c) => file(c, `rows/${c.req.param('chunk')}`, true))
    .get('/embed/:id/v/:n/:file', (c) => file(c, c.req.param('file'), true))
    .all('/embed/*', (c) => status(c, 'notFound'));
}
