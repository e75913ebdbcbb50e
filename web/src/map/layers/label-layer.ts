/**
 * Place names drawn by deck.gl's TextLayer, which rasterises glyphs from the browser's own fonts.
 * MapLibre symbol layers would need a glyph server, which an offline map cannot call. Which labels
 * are drawn, so that none overlaps another, is decided by labels/label-placement.ts.
 */
import { TextLayer } from '@deck.gl/layers';
import type { PlacedLabel } from '../labels/label-placement.ts';
import type { LabelLevel } from '../labels/place-labels.ts';

export type { PlaceLabel } from '../labels/place-labels.ts';

export const LABEL_FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';
export const LABEL_FONT_WEIGHT = 600;

/** Text colours by level: the larger the unit, the darker. */
export const LABEL_COLORS: Record<LabelLevel, [number, number, number]> = {
  province: [70, 70, 70],
  prefecture: [55, 60, 58],
  county: [84, 90, 86],
  // Zone names in the reserves' dark green, told apart from place names at a glance.
  zone: [28, 94, 58],
  town: [104, 108, 104],
};

export function labelLayer(labels: readonly PlacedLabel[]) {
  return new TextLayer<PlacedLabel>({
    id: 'place-labels',
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: (d) => d.size,
    getColor: (d) => [...LABEL_COLORS[d.level], Math.round(255 * d.opacity)],
    fontFamily: LABEL_FONT_FAMILY,
    fontWeight: LABEL_FONT_WEIGHT,
    characterSet: 'auto',
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    sizeUnits: 'pixels',
    billboard: true,
    updateTriggers: { getText: labels, getColor: labels },
  });
}
