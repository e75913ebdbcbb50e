/**
 * The table view's script: the page arrives with its first rows; this adds sorting by any column
 * (header buttons with aria-sort) and paging through every row, from the same row files the
 * map's popups read. Sorting needs every row in the browser, so above SORT_LIMIT rows it is
 * offered only through the CSV.
 */
import { EMBED_MESSAGES, type EmbedLang, embedLang } from '../../../server/domain/publish/embed-messages.ts';
import { cellText, columnName, sortKey, type TableColumn, tableColumns } from '../../../server/domain/publish/row-text.ts';
import type { PublicRow, SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { readPage } from './page.ts';
import { RowStore } from './rows.ts';
import './embed.css';

const PAGE = 100;
export const SORT_LIMIT = 100_000;

const { meta, dataBase, root } = readPage<SnapshotMeta>('.gl-table-page');
const lang: EmbedLang = embedLang(root.dataset.lang) ?? 'zh';
const m = EMBED_MESSAGES[lang];
const locale = lang === 'zh' ? 'zh-CN' : 'en';
const store = new RowStore(meta, dataBase);
const columns = tableColumns(meta);
const table = root.querySelector<HTMLTableElement>('[data-gl="table"]') as HTMLTableElement;
const caption = root.querySelector('[data-gl="caption"]') as HTMLElement;
const pager = root.querySelector('[data-gl="pager"]') as HTMLElement;
const tbody = table.tBodies[0] as HTMLTableSectionElement;

let page = 0;
let sort: { column: TableColumn; desc: boolean } | null = null;
let sorted: PublicRow[] | null = null;
const pages = Math.max(1, Math.ceil(meta.count / PAGE));
const count = (n: number) => n.toLocaleString(locale);

async function rowsOf(p: number): Promise<PublicRow[]> {
  if (sorted) return sorted.slice(p * PAGE, (p + 1) * PAGE);
  const first = p * PAGE;
  const out: PublicRow[] = [];
  for (let i = first; i < Math.min(meta.count, first + PAGE); i++) {
    const row = await store.row(i);
    if (row) out.push(row);
  }
  return out;
}

async function show(p: number) {
  page = p;
  const rows = await rowsOf(p);
  tbody.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      columns.forEach((c, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.setAttribute('scope', 'row');
        else cell.dataset.column = c;
        cell.textContent = cellText(meta, row, c, lang);
        tr.append(cell);
      });
      return tr;
    }),
  );
  caption.textContent = m.rows(count(rows.length ? p * PAGE + 1 : 0), count(p * PAGE + rows.length), count(meta.count));
  renderPager();
}

function button(text: string, disabled: boolean, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'gl-button';
  b.textContent = text;
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function renderPager() {
  if (pages <= 1) {
    pager.replaceChildren();
    return;
  }
  const status = document.createElement('span');
  status.textContent = `${count(page + 1)} / ${count(pages)}`;
  pager.replaceChildren(
    button(m.previous, page === 0, () => show(page - 1)),
    status,
    button(m.next, page >= pages - 1, () => show(page + 1)),
  );
}

async function sortBy(column: TableColumn) {
  sort = sort?.column === column ? { column, desc: !sort.desc } : { column, desc: false };
  caption.textContent = m.loading;
  const rows = sorted ?? (await store.all());
  const keys = new Map(rows.map((r) => [r, sortKey(meta, r, column, lang)]));
  const collator = new Intl.Collator(locale, { numeric: true });
  const direction = sort.desc ? -1 : 1;
  sorted = [...rows].sort((a, b) => {
    const ka = keys.get(a) as string | number;
    const kb = keys.get(b) as string | number;
    const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return order * direction;
  });
  for (const th of table.tHead?.rows[0]?.cells ?? []) {
    const c = th.dataset.column;
    th.setAttribute('aria-sort', c === sort.column ? (sort.desc ? 'descending' : 'ascending') : 'none');
  }
  await show(0);
}

// Header buttons: a real <button> inside each <th>, so sorting works from the keyboard.
for (const th of table.tHead?.rows[0]?.cells ?? []) {
  const column = th.dataset.column as TableColumn;
  if (meta.count > SORT_LIMIT) continue;
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'gl-sort';
  b.textContent = columnName(column, lang);
  b.setAttribute('aria-label', m.sortBy(columnName(column, lang)));
  b.addEventListener('click', () => sortBy(column));
  th.replaceChildren(b);
  th.setAttribute('aria-sort', 'none');
}
if (meta.count > SORT_LIMIT) {
  const note = document.createElement('p');
  note.className = 'gl-note';
  note.textContent = m.sortingNeedsAll(count(meta.count));
  pager.before(note);
}
renderPager();
document.documentElement.dataset.glReady = 'true';
