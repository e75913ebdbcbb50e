/**
 * How a public row reads, cell by cell, in either language — shared by the server-rendered table,
 * the table script and the embed's popups, so all three say the same.
 */
import { ACTION_NAMES, actionOfCode } from '../actions.ts';
import type { EmbedLang } from './embed-messages.ts';
import { EMBED_MESSAGES } from './embed-messages.ts';
import { PUBLIC_FIELD_NAMES } from './public-fields.ts';
import { PUBLIC_PROGRESS_NAMES, type PublicProgress } from './public-progress.ts';
import type { PublicRow, RowColumn, SnapshotMeta } from './snapshot.ts';

/** The columns a reader sees: longitude and latitude read as one location. */
export type TableColumn = Exclude<RowColumn, 'lat'>;

export function tableColumns(meta: Pick<SnapshotMeta, 'columns'>): TableColumn[] {
  return meta.columns.filter((c): c is TableColumn => c !== 'lat');
}

export function columnName(column: TableColumn, lang: EmbedLang): string {
  const m = EMBED_MESSAGES[lang];
  switch (column) {
    case 'prefecture':
      return m.prefecture;
    case 'rules':
      return PUBLIC_FIELD_NAMES.rule[lang];
    case 'lon':
      return PUBLIC_FIELD_NAMES.location[lang];
    default:
      return PUBLIC_FIELD_NAMES[column][lang];
  }
}

export function cellText(meta: SnapshotMeta, row: PublicRow, column: TableColumn, lang: EmbedLang): string {
  const at = (c: RowColumn) => row[meta.columns.indexOf(c)] ?? null;
  const v = at(column);
  if (v === null) return '';
  switch (column) {
    case 'prefecture': {
      const p = meta.prefectures[v as number];
      return p ? p[lang] : '';
    }
    case 'sector': {
      const s = meta.sectors[v as number];
      return s ? (s[lang] === s.code ? s.code : `${s[lang]} (${s.code})`) : '';
    }
    case 'action': {
      const a = actionOfCode(v as number);
      return a ? ACTION_NAMES[a][lang] : EMBED_MESSAGES[lang].unflagged;
    }
    case 'rules':
      return (v as number[])
        .map((i) => meta.rules[i])
        .filter((r) => r !== undefined)
        .map((r) => `${r[lang]} (${r.policy})`)
        .join(lang === 'zh' ? '；' : '; ');
    case 'progress':
      return PUBLIC_PROGRESS_NAMES[v as PublicProgress]?.[lang] ?? '';
    case 'lon': {
      const lat = at('lat');
      return lat === null ? '' : `${(v as number).toFixed(5)}, ${(lat as number).toFixed(5)}`;
    }
    default:
      return String(v);
  }
}

/** A comparable key for sorting by a column: numbers stay numbers, text compares by locale. */
export function sortKey(meta: SnapshotMeta, row: PublicRow, column: TableColumn, lang: EmbedLang): string | number {
  const v = row[meta.columns.indexOf(column)] ?? null;
  if (column === 'action') return v === null || v === 0 ? 99 : (v as number);
  if (column === 'lon') return v === null ? Number.POSITIVE_INFINITY : (v as number);
  return cellText(meta, row, column, lang);
}
