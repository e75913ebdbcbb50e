/**
 * The table view of a publication (/embed/{id}/table): the same enterprises as the map, public
 * fields only, as a real <table> with a caption and column headers. The first page is in the HTML
 * itself, readable without scripts; the table script adds sorting by any column and paging
 * through the rest, from the same row files the map's popups read. The CSV holds every row.
 */
import { EMBED_MESSAGES, type EmbedLang } from '../../domain/publish/embed-messages.ts';
import { escapeMarkup as e } from '../../domain/publish/escape-markup.ts';
import { cellText, columnName, tableColumns } from '../../domain/publish/row-text.ts';
import type { PublicRow, SnapshotMeta } from '../../domain/publish/snapshot.ts';
import { footerHtml, inlineJson, type PageAssets, pageHead } from './embed-page.ts';

export const TABLE_PAGE_ROWS = 100;

export interface TablePageInput {
  meta: SnapshotMeta;
  lang: EmbedLang;
  assets: PageAssets;
  dataBase: string;
  mapUrl: string;
  otherLangUrl: string;
  /** The first rows in default order (the first chunk is enough). */
  firstRows: PublicRow[];
}

export function tablePage({ meta, lang, assets, dataBase, mapUrl, otherLangUrl, firstRows }: TablePageInput): string {
  const m = EMBED_MESSAGES[lang];
  const columns = tableColumns(meta);
  const rows = firstRows.slice(0, TABLE_PAGE_ROWS);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const count = (n: number) => n.toLocaleString(locale);
  const head = columns.map((c) => `<th scope="col" data-column="${c}">${e(columnName(c, lang))}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${columns.map((c, i) => (i === 0 ? `<th scope="row">` : `<td data-column="${c}">`) + e(cellText(meta, row, c, lang)) + (i === 0 ? '</th>' : '</td>')).join('')}</tr>`,
    )
    .join('\n');
  const title = meta.title[lang];
  return `${pageHead(lang, m.tableTitle(title), assets)}
<body class="gl-embed-body">
<main class="gl-table-page" data-base="${e(dataBase)}" data-lang="${lang}">
<header class="gl-head">
<h1 data-gl="title">${e(title)}</h1>
<p class="gl-summary" data-gl="summary">${e(meta.summary[lang])}</p>
<p class="gl-links"><a href="${e(mapUrl)}">${e(m.backToMap)}</a> · <a href="${e(dataBase)}${e(meta.files.csv)}" download data-gl="csv-link">${e(m.downloadCsv)}</a> · <a href="${e(otherLangUrl)}" lang="${lang === 'zh' ? 'en' : 'zh-CN'}">${e(m.language)}</a></p>
</header>
<div class="gl-table-wrap" tabindex="0" role="region" aria-labelledby="gl-table-caption">
<table class="gl-table" data-gl="table">
<caption id="gl-table-caption" data-gl="caption">${e(m.rows(count(rows.length ? 1 : 0), count(rows.length), count(meta.count)))}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
<nav class="gl-pager" aria-label="${e(m.table)}" data-gl="pager"></nav>
${footerHtml(meta, lang, '')}
</main>
<script type="application/json" id="gl-meta">${inlineJson(meta)}</script>
</body>
</html>
`;
}
