/**
 * Tianditu (天地图), the national basemap service of the Ministry of Natural Resources, as WMTS
 * raster tiles in Web Mercator (TILEMATRIXSET=w). A basemap is a picture layer and a label layer
 * drawn over it: vec (vector map) with cva (Chinese labels) or eva (English labels), img (imagery)
 * with cia or eia. Tiles come from eight hosts, t0–t7, which share the load; the key (tk) is a
 * browser key the operator applied for, which Tianditu checks against the page's domain.
 */

export const TIANDITU_LAYERS = ['vec', 'img'] as const;
export type TiandituLayer = (typeof TIANDITU_LAYERS)[number];

/** The label layer drawn over each base layer, by UI language. */
const ANNOTATION: Record<TiandituLayer, Record<'zh' | 'en', string>> = {
  vec: { zh: 'cva', en: 'eva' },
  img: { zh: 'cia', en: 'eia' },
};

/** Every host tiles come from; the content security policy must allow each one. */
export const TIANDITU_ORIGINS = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`);

/** Tianditu's map review number (审图号), which its terms ask every map showing it to carry. */
export const TIANDITU_REVIEW_NUMBER = 'GS(2024)0568号';
export const TIANDITU_ATTRIBUTION = `© 天地图 Tianditu · 审图号 ${TIANDITU_REVIEW_NUMBER}`;

/** Names a basemap entry gets when the operator gives none. */
export const TIANDITU_NAMES: Record<TiandituLayer, { zh: string; en: string }> = {
  vec: { zh: '天地图 矢量', en: 'Tianditu map' },
  img: { zh: '天地图 影像', en: 'Tianditu imagery' },
};

/** One WMTS layer as MapLibre tile URL templates, one per host. */
export function tiandituTemplates(layer: string, key: string): string[] {
  if (!/^[a-z]{3}$/.test(layer)) throw new Error(`Tianditu layer must be three letters such as vec or cva, got "${layer}"`);
  const tk = encodeURIComponent(key);
  return TIANDITU_ORIGINS.map(
    (origin) =>
      `${origin}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w` +
      `&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
  );
}

/** The picture and the label layer of a Tianditu basemap, labels in the UI's language. */
export function tiandituTiles(layer: TiandituLayer, lang: 'zh' | 'en', key: string): { base: string[]; annotation: string[] } {
  return { base: tiandituTemplates(layer, key), annotation: tiandituTemplates(ANNOTATION[layer][lang], key) };
}
