/**
 * The public embed's HTML: title, summary, the map's container, legend placeholder and the footer
 * with the review number, source line and the table link — all in the page itself, so a screen
 * reader (or a browser without scripts) gets the summary and the way to the table before any
 * script runs. The embed script then draws the map from the inlined meta.json.
 */
import { EMBED_MESSAGES, type EmbedLang } from '../../domain/publish/embed-messages.ts';
import { escapeMarkup as e } from '../../domain/publish/escape-markup.ts';
import type { SnapshotMeta } from '../../domain/publish/snapshot.ts';

export interface PageAssets {
  js: string;
  css: string[];
  /** Modules the script imports, fetched at once rather than after the script is parsed. */
  preload?: string[];
}

export function assetTags(assets: PageAssets): string {
  return [
    ...assets.css.map((href) => `<link rel="stylesheet" href="${e(href)}">`),
    ...(assets.preload ?? []).map((href) => `<link rel="modulepreload" href="${e(href)}">`),
    `<script type="module" src="${e(assets.js)}"></script>`,
  ].join('\n');
}

export interface EmbedPageInput {
  meta: SnapshotMeta;
  lang: EmbedLang;
  assets: PageAssets;
  /** Prefix of the version's files, ending in '/': /embed/ID/v/N/ or data/ in a static export. */
  dataBase: string;
  tableUrl: string;
  /** The same page in the other language. */
  otherLangUrl: string;
}

/** The inlined meta.json; `<` escaped so no text in it can close the script element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function footerHtml(meta: SnapshotMeta, lang: EmbedLang, links: string): string {
  const m = EMBED_MESSAGES[lang];
  const parts = [
    meta.reviewNumber ? `<span data-gl="review">${e(m.reviewNumber)}${m.colon}${e(meta.reviewNumber)}</span>` : '',
    meta.sourceLine ? `<span data-gl="source">${e(m.source)}${m.colon}${e(meta.sourceLine)}</span>` : '',
    `<span data-gl="published">${e(m.published(meta.publishedAt.slice(0, 10), meta.version))}</span>`,
  ].filter(Boolean);
  return `<footer class="gl-footer"><p class="gl-credits">${parts.join(' · ')}</p><p class="gl-links">${links}</p></footer>`;
}

/** The head both public pages share: language, viewport, no favicon request, title, assets. */
export function pageHead(lang: EmbedLang, title: string, assets: PageAssets): string {
  return `<!doctype html>
<html lang="${EMBED_MESSAGES[lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(title)}</title>
${assetTags(assets)}
</head>`;
}

export function embedPage({ meta, lang, assets, dataBase, tableUrl, otherLangUrl }: EmbedPageInput): string {
  const m = EMBED_MESSAGES[lang];
  const title = meta.title[lang];
  const description = meta.description[lang] || meta.description.zh;
  return `${pageHead(lang, title, assets)}
<body class="gl-embed-body">
<main class="gl-embed" data-base="${e(dataBase)}" data-table="${e(tableUrl)}" data-lang="${lang}">
<header class="gl-head">
<h1 data-gl="title">${e(title)}</h1>
${description ? `<p class="gl-description" data-gl="description">${e(description)}</p>` : ''}
<p class="gl-summary" data-gl="summary">${e(meta.summary[lang])}</p>
</header>
<section class="gl-map-wrap" aria-label="${e(m.map)}">
<div id="gl-map" class="gl-map"></div>
<noscript><p>${e(m.noScript)}</p><img class="gl-fallback" src="${e(dataBase)}fallback.svg" alt="${e(`${title}：${meta.summary[lang]}`)}" width="800" height="560"></noscript>
</section>
${footerHtml(meta, lang, `<a href="${e(tableUrl)}" data-gl="table-link">${e(m.table)}</a> · <a href="${e(otherLangUrl)}" data-gl="lang-link" lang="${lang === 'zh' ? 'en' : 'zh-CN'}">${e(m.language)}</a>`)}
</main>
<script type="application/json" id="gl-meta">${inlineJson(meta)}</script>
</body>
</html>
`;
}
