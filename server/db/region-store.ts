/** The regions table read as a catalogue: names and places, without geometry (zone-store.ts has that). */
import type { Queryable } from './database.ts';

export interface RegionEntry {
  code: string;
  name: string;
  name_en: string | null;
  level: string;
  parent: string | null;
  /** The middle of the region's bounding box. */
  cx: number;
  cy: number;
}

/** Every region, by code. */
export async function listRegionEntries(q: Queryable): Promise<RegionEntry[]> {
  return q.all<RegionEntry>(
    `SELECT code, name, name_en, level, parent, (min_lon + max_lon) / 2 AS cx, (min_lat + max_lat) / 2 AS cy FROM regions ORDER BY code`,
  );
}

/** A region's names, or undefined when no boundary with that code is loaded. */
export async function regionNames(q: Queryable, code: string): Promise<{ name: string; name_en: string | null } | undefined> {
  return q.one<{ name: string; name_en: string | null }>('SELECT name, name_en FROM regions WHERE code = $code', { code });
}

/** Each region's Chinese name by code. */
export async function regionNameMap(q: Queryable): Promise<Map<string, string>> {
  return new Map((await q.all<{ code: string; name: string }>('SELECT code, name FROM regions')).map((r) => [r.code, r.name]));
}
