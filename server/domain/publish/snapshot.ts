/**
 * The frozen form of one publication version, as the embed, the table view and the static export
 * read it: meta.json (titles, view, legend, summary, dictionaries, row layout) and the rows in
 * chunks (rows/0.json, rows/1.json, …), each row an array in `columns` order with codes into the
 * dictionaries. Vector tiles carry a point's row number, so a popup fetches one chunk.
 *
 * Only public values are in here, and only those the publication allowed: `columns` lists them.
 */
import { ACTIONS, type Action, actionOfCode } from '../actions.ts';
import { CASE_STATUSES, type CaseStatus } from '../case-lifecycle.ts';
import type { ZoneKind } from '../zone.ts';
import type { PublicField } from './public-fields.ts';
import { type PublicProgress, progressIsDone, publicProgress } from './public-progress.ts';
import type { DrawMode } from './publication-spec.ts';

export const SNAPSHOT_FORMAT = 1;
export const ROWS_PER_CHUNK = 1000;

/** A row's values, in this order, for the columns a publication shows. */
export const ROW_COLUMNS = [
  'prefecture',
  'name',
  'credit_code',
  'sector',
  'action',
  'rules',
  'deadline',
  'progress',
  'lon',
  'lat',
] as const;
export type RowColumn = (typeof ROW_COLUMNS)[number];

const COLUMN_OF_FIELD: Record<PublicField, RowColumn[]> = {
  name: ['name'],
  credit_code: ['credit_code'],
  sector: ['sector'],
  action: ['action'],
  rule: ['rules'],
  deadline: ['deadline'],
  progress: ['progress'],
  location: ['lon', 'lat'],
};

export function rowColumns(fields: readonly PublicField[]): RowColumn[] {
  const wanted = new Set<RowColumn>(['prefecture', ...fields.flatMap((f) => COLUMN_OF_FIELD[f])]);
  return ROW_COLUMNS.filter((c) => wanted.has(c));
}

/** prefecture and sector: index into the dictionary (−1 none); action: actionCode (0 none); rules: indices. */
export type RowValue = string | number | number[] | null;
export type PublicRow = RowValue[];

export interface Named {
  code: string;
  zh: string;
  en: string;
}

export interface RuleEntry {
  id: string;
  zh: string;
  en: string;
  policy: string;
  citation: string;
}

export interface ActionEntry {
  code: number;
  action: Action | null;
  count: number;
  /** With public progress: how many have done it. */
  done: number;
}

export interface PrefectureEntry extends Named {
  count: number;
}

export interface TileSetInfo {
  file: string;
  layers: string[];
  minZoom: number;
  maxZoom: number;
}

export interface SnapshotMeta {
  format: typeof SNAPSHOT_FORMAT;
  id: string;
  version: number;
  publishedAt: string;
  title: { zh: string; en: string };
  description: { zh: string; en: string };
  view: { center: [number, number]; zoom: number };
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  draw: DrawMode;
  fields: PublicField[];
  zones: ZoneKind[];
  reviewNumber: string;
  sourceLine: string;
  summary: { zh: string; en: string };
  count: number;
  columns: RowColumn[];
  rowsPerChunk: number;
  chunks: number;
  sectors: Named[];
  rules: RuleEntry[];
  prefectures: PrefectureEntry[];
  /** The legend: actions present, most severe first (empty when action is not public). */
  actions: ActionEntry[];
  tiles: { enterprises: TileSetInfo | null; zones: TileSetInfo | null; basemap: TileSetInfo };
  /** Drawn per prefecture: class breaks of the counts and their colours. */
  choropleth: { breaks: number[]; colours: string[] } | null;
  files: { csv: string; fallback: string };
}

export const chunkFile = (chunk: number) => `rows/${chunk}.json`;

/** Case statuses as the public reads them; unknown text (a future status) is left out rather than guessed. */
export function progressOfStatus(status: string | null): PublicProgress | null {
  return status && (CASE_STATUSES as readonly string[]).includes(status) ? publicProgress(status as CaseStatus) : null;
}

/** Counts per action (and how many are done) for the legend and summary, most severe first. */
export function countActions(action: ArrayLike<number>, progress: readonly (PublicProgress | null)[], count: number): ActionEntry[] {
  const total = new Map<number, number>();
  const done = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const code = action[i] as number;
    total.set(code, (total.get(code) ?? 0) + 1);
    const p = progress[i];
    if (p && progressIsDone(p)) done.set(code, (done.get(code) ?? 0) + 1);
  }
  return [...total.entries()]
    .sort((a, b) => (a[0] === 0 ? ACTIONS.length + 1 : a[0]) - (b[0] === 0 ? ACTIONS.length + 1 : b[0]))
    .map(([code, n]) => ({ code, action: actionOfCode(code), count: n, done: done.get(code) ?? 0 }));
}
