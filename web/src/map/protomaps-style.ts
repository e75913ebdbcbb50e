/**
 * The Protomaps basemap style (@protomaps/basemaps, the light flavor) for archives in its schema,
 * made to need nothing from any other host:
 *
 * - Glyphs: the style is given no `glyphs` URL. MapLibre 6 then draws every label with TinySDF
 *   from the browser's own fonts, taking `text-font` ("Noto Sans Regular", "Noto Sans Medium") as
 *   a CSS family list with sans-serif behind it (render/glyph_manager.ts: "If the style hasn't
 *   opted into server-side fonts … draw the glyph locally"); Chinese falls back to the system's
 *   CJK font, as the deck.gl place labels do. No npm package here ships a text font from which
 *   PBF glyph ranges could be built, and CJK ranges would be tens of megabytes.
 * - Sprites: the style's icons (town dots, POI symbols, road shields, one-way arrows) live in
 *   Protomaps' sprite sheet, which we do not ship. Layers that are nothing but an icon, or text
 *   meant to sit on one (shields), are dropped; the others keep their text and lose the icon.
 */

import { layers, namedFlavor } from '@protomaps/basemaps';
import type { LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/messages.ts';

/** The source layers of the Protomaps basemap schema (docs.protomaps.com/basemaps/layers). */
const SCHEMA_LAYERS = ['earth', 'water', 'landuse', 'landcover', 'roads', 'buildings', 'places', 'pois', 'boundaries', 'transit'];

/**
 * Whether an archive's vector_layers are Protomaps': `earth` (no other schema has it; OpenMapTiles
 * has no land layer at all) and at least two more of its layers. Others keep the plain style.
 */
export function isProtomapsSchema(vectorLayers: readonly { id: string }[]): boolean {
  const ids = new Set(vectorLayers.map((l) => l.id));
  return ids.has('earth') && SCHEMA_LAYERS.filter((id) => ids.has(id)).length >= 3;
}

/** Icons only, or text drawn on an icon: meaningless without the sprite sheet. */
const ICON_ONLY = new Set(['roads_oneway', 'roads_shields']);

/** Protomaps' language codes for the UI's: Chinese labels are name:zh-Hans where `name` is not Han. */
const PROTOMAPS_LANG: Record<Lang, string> = { zh: 'zh-Hans', en: 'en' };

export const PROTOMAPS_FLAVOR = namedFlavor('light');

/** The Protomaps layers over `source`, labels in `lang`, ids prefixed so none meets one of ours. */
export function protomapsLayers(source: string, lang: Lang, prefix = 'basemap-'): LayerSpecification[] {
  const all = layers(source, PROTOMAPS_FLAVOR, { lang: PROTOMAPS_LANG[lang] }) as LayerSpecification[];
  return all
    .filter((layer) => !ICON_ONLY.has(layer.id))
    .map((layer) => {
      const withId = { ...layer, id: `${prefix}${layer.id}` } as LayerSpecification;
      if (!('layout' in withId) || !withId.layout) return withId;
      const layout = Object.fromEntries(Object.entries(withId.layout).filter(([key]) => !key.startsWith('icon-')));
      return { ...withId, layout } as LayerSpecification;
    });
}
