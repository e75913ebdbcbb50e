/**
 * The server renders the embed and table pages in one language with meta.json inlined; these
 * read that page and switch its texts to another language from the same messages and meta.
 */
import { EMBED_MESSAGES, type EmbedLang } from '../../../server/domain/publish/embed-messages.ts';
import type { SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';

export function readPage<M>(selector: string): { meta: M; dataBase: string; root: HTMLElement } {
  const root = document.querySelector<HTMLElement>(selector);
  const json = document.getElementById('gl-meta')?.textContent;
  if (!root || !json) throw new Error(`this page has no ${selector} or no #gl-meta`);
  return { meta: JSON.parse(json) as M, dataBase: new URL(root.dataset.base ?? './', window.location.href).href, root };
}

export function applyPageLanguage(root: HTMLElement, meta: SnapshotMeta, lang: EmbedLang): void {
  const m = EMBED_MESSAGES[lang];
  document.documentElement.lang = m.htmlLang;
  root.dataset.lang = lang;
  const set = (name: string, text: string) => {
    const node = root.querySelector(`[data-gl="${name}"]`);
    if (node) node.textContent = text;
  };
  document.title = meta.title[lang];
  set('title', meta.title[lang]);
  set('description', meta.description[lang] || meta.description.zh);
  set('summary', meta.summary[lang]);
  set('review', `${m.reviewNumber}${m.colon}${meta.reviewNumber}`);
  set('source', `${m.source}${m.colon}${meta.sourceLine}`);
  set('published', m.published(meta.publishedAt.slice(0, 10), meta.version));
  set('table-link', m.table);
  const other: EmbedLang = lang === 'zh' ? 'en' : 'zh';
  const link = root.querySelector<HTMLAnchorElement>('[data-gl="lang-link"]');
  if (link) {
    link.textContent = m.language;
    link.lang = EMBED_MESSAGES[other].htmlLang;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', other);
    link.href = url.href;
  }
  const table = root.querySelector<HTMLAnchorElement>('[data-gl="table-link"]');
  if (table) {
    const url = new URL(table.href);
    url.searchParams.set('lang', lang);
    table.href = url.href;
  }
}
