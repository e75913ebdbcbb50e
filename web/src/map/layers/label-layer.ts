/**
 * Place names drawn by deck.gl's TextLayer, which rasterises glyphs from the browser's own fonts.
 * MapLibre symbol layers would need a glyph server, which an offline map cannot call.
 */
import { TextLayer } from '@deck.gl/layers';

export interface PlaceLabel {
  position: [number, number];
  text: string;
  level: 'province' | 'prefecture';
}

export function labelLayer(labels: PlaceLabel[], visible: boolean) {
  return new TextLayer<PlaceLabel>({
    id: 'place-labels',
    data: labels,
    visible,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: (d) => (d.level === 'province' ? 17 : 13),
    getColor: (d) => (d.level === 'province' ? [70, 70, 70, 255] : [55, 60, 58, 235]),
    getPixelOffset: (d) => (d.level === 'prefecture' ? [0, -12] : [0, 0]),
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif',
    fontWeight: 600,
    characterSet: 'auto',
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    sizeUnits: 'pixels',
    billboard: true,
    updateTriggers: { getText: labels },
  });
}
