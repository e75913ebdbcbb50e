/**
 * Which place names the map may show, in which language, from which zoom, and which wins where two
 * would overlap: provinces over prefectures over counties over zone names over towns; among towns, the larger.
 * Pure: the placement (label-placement.ts) decides which of them are drawn at a zoom.
 */
import type { Lang } from '../../i18n/messages.ts';

export type LabelLevel = 'province' | 'prefecture' | 'county' | 'zone' | 'town';

export interface PlaceLabel {
  position: [number, number];
  text: string;
  level: LabelLevel;
  /** Higher wins a collision: the level first, then population within the level. */
  priority: number;
  /** From this zoom the label may show; it fades in over LEVELS[level].fade zooms. */
  minZoom: number;
  /** Above this zoom it no longer shows (provinces give way once prefectures fill the screen). */
  maxZoom: number;
  /** Font size in pixels. */
  size: number;
}

interface LevelStyle {
  minZoom: number;
  maxZoom: number;
  size: number;
  /** Priority band: a level's labels take base … base + 99. */
  base: number;
}

export const LEVELS: Record<LabelLevel, LevelStyle> = {
  province: { minZoom: 0, maxZoom: 8, size: 17, base: 500 },
  prefecture: { minZoom: 4, maxZoom: 24, size: 14, base: 400 },
  county: { minZoom: 6.5, maxZoom: 24, size: 12, base: 300 },
  // Zone names (zone-labels.ts): after the places a planner orients by, before towns.
  zone: { minZoom: 7.5, maxZoom: 24, size: 11, base: 200 },
  town: { minZoom: 8, maxZoom: 24, size: 11, base: 100 },
};

/** Zooms over which a label fades in after its minZoom. */
export const FADE_ZOOMS = 0.75;

/** A region of the catalogue (province or prefecture). */
export interface RegionName {
  code: string;
  level: string;
  zh: string;
  en: string | null;
  centre: [number, number];
}

/** A county seat or town of the shipped basemap data (data/basemap/places.json). */
export interface PlaceName {
  kind: 'county' | 'town';
  code: string;
  zh: string | null;
  en: string;
  position: [number, number];
  population: number;
}

/** The name in the UI language; the other language's name where the data has none in it. */
export function nameIn(lang: Lang, zh: string | null, en: string | null): string {
  const name = lang === 'en' ? (en ?? zh) : (zh ?? en);
  if (!name) throw new Error(`a place has neither a Chinese nor an English name (zh ${zh}, en ${en})`);
  return name;
}

/** Province names sit away from the prefecture seat labels, where the province is widest. */
const PROVINCE_LABEL_AT: Record<string, [number, number]> = { '150000': [112.5, 43.6], '130000': [116.2, 38.9] };

/** Within a level, the larger place wins: 0 … 99 on a log scale of population (10 million → 99). */
export function populationRank(population: number): number {
  if (population <= 1) return 0;
  return Math.min(99, Math.round((Math.log10(population) / 7) * 99));
}

export function label(level: LabelLevel, position: [number, number], text: string, rank = 0): PlaceLabel {
  const s = LEVELS[level];
  return { position, text, level, priority: s.base + rank, minZoom: s.minZoom, maxZoom: s.maxZoom, size: s.size };
}

export function placeLabels(regions: readonly RegionName[], places: readonly PlaceName[], lang: Lang): PlaceLabel[] {
  const labels: PlaceLabel[] = [];
  for (const r of regions) {
    const level = r.level === 'province' ? 'province' : 'prefecture';
    const position = level === 'province' ? (PROVINCE_LABEL_AT[r.code] ?? r.centre) : r.centre;
    labels.push(label(level, position, nameIn(lang, r.zh, r.en)));
  }
  for (const p of places) labels.push(label(p.kind, p.position, nameIn(lang, p.zh, p.en), populationRank(p.population)));
  return labels;
}
