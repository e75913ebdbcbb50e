/**
 * Plants counted per grid cell (level-of-detail/grid-counts.ts), drawn as one bitmap laid over the
 * grid's box: a single textured quad however many cells, which a software renderer draws in a few
 * milliseconds. The bitmap is in Web Mercator, as the map is, so each texel covers its cell exactly;
 * nearest sampling keeps the cells' edges sharp.
 */
import { BitmapLayer } from '@deck.gl/layers';
import { xToLon, yToLat } from '../../../../server/domain/geometry/mercator.ts';
import type { Detail } from '../level-of-detail/enterprise-detail.ts';
import { gridBox } from '../level-of-detail/grid-counts.ts';

type Cells = Extract<Detail, { kind: 'cells' }>;

const NEAREST = { minFilter: 'nearest', magFilter: 'nearest', mipmapFilter: 'none' } as const;

/** deck.gl re-creates the texture when `image` is a new object: one ImageData per grid. */
const images = new WeakMap<Uint8ClampedArray, ImageData>();

export function cellLayer(cells: Cells, opacity: number) {
  let image = images.get(cells.image);
  if (!image) {
    image = new ImageData(cells.image as Uint8ClampedArray<ArrayBuffer>, cells.grid.cols, cells.grid.rows);
    images.set(cells.image, image);
  }
  const box = gridBox(cells.grid);
  return new BitmapLayer({
    id: 'enterprise-cells',
    image,
    bounds: [xToLon(box.minX), yToLat(box.maxY), xToLon(box.maxX), yToLat(box.minY)],
    textureParameters: NEAREST,
    opacity,
  });
}
