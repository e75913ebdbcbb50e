/**
 * Prefecture-level regions in code order: the list the point payload's region column indexes
 * (value = 1 + position) and the catalogue serves to the browser.
 */
import type { Queryable } from './database.ts';

export interface PrefectureEntry {
  code: string;
  name: string;
  name_en: string | null;
  parent: string | null;
  /** Centre of the bounding box, for labels when no seat is known. */
  centre: [number, number];
}

export async function listPrefectures(q: Queryable): Promise<PrefectureEntry[]> {
  const rows = await q.all<{
    code: string;
    name: string;
    name_en: string | null;
    parent: string | null;
    cx: number | null;
    cy: number | null;
  }>(
    `SELECT code, name, name_en, parent, (min_lon + max_lon) / 2 AS cx, (min_lat + max_lat) / 2 AS cy
     FROM regions WHERE level = 'prefecture' ORDER BY code`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, name_en: r.name_en, parent: r.parent, centre: [r.cx ?? 0, r.cy ?? 0] }));
}
