import { describe, expect, it } from 'vitest';
import { constrainView, coveringTiles, tileZoom, worldPixel } from './first-frame.ts';

// MapLibre's own Mercator transform, from the source files its package ships (its bundle needs a
// browser). Imported by a computed path, so the typecheck does not hold MapLibre's code to ours.
const source = (file: string) => `../../../node_modules/maplibre-gl-5/src/geo/${file}`;
const { LngLat } = await import(source('lng_lat.ts'));
const { LngLatBounds } = await import(source('lng_lat_bounds.ts'));
const { MercatorTransform } = await import(source('projection/mercator_transform.ts'));

const bounds = [73, 17, 136, 54] as [number, number, number, number];

/**
 * What MapLibre's own transform makes of the view, in the order its Map constructor works: the
 * bounds, then the centre and zoom while the map has no size, then the container's size.
 */
function maplibreView(width: number, height: number, center: [number, number], zoom: number) {
  const t = new MercatorTransform({ minZoom: 2, maxZoom: 14, minPitch: 0, maxPitch: 0, renderWorldCopies: true });
  t.setMaxBounds(new LngLatBounds(bounds));
  t.setZoom(zoom);
  t.setCenter(new LngLat(...center));
  t.resize(width, height);
  return { center: [t.center.lng, t.center.lat], zoom: t.zoom };
}

describe('the first frame’s view', () => {
  for (const [label, width, height, center, zoom] of [
    ['a national view on a desktop, zoomed in by the bounds', 972, 622, [104, 36], 3.2],
    ['a national view on a phone', 358, 260, [104, 36], 3.2],
    ['a view inside the bounds, unchanged', 800, 500, [111, 40.5], 7],
    ['a view past the north-east corner, panned back', 800, 500, [135.5, 53.8], 6],
    ['a view past the south-west corner, panned back', 640, 480, [73.2, 17.5], 5.5],
    ['a zoom below the least, raised to it', 300, 200, [104, 36], 1],
  ] as const) {
    it(`is the view MapLibre shows: ${label}`, () => {
      const ours = constrainView({ center: [...center], zoom, width, height }, bounds, 2, 14);
      const theirs = maplibreView(width, height, [...center], zoom);
      expect(ours.zoom).toBeCloseTo(theirs.zoom, 6);
      expect(ours.center[0]).toBeCloseTo(theirs.center[0] as number, 6);
      expect(ours.center[1]).toBeCloseTo(theirs.center[1] as number, 6);
    });
  }
});

describe('the first frame’s tiles', () => {
  it('are those of the zoom’s floor that the view touches', () => {
    const view = { center: [111, 40.5] as [number, number], zoom: 6.4, width: 800, height: 500 };
    const tiles = coveringTiles(view, 6);
    const [cx, cy] = worldPixel(view.center, 6);
    // At zoom 6.4 a zoom-6 tile spans 512 × 2^0.4 ≈ 676 px: 800 × 500 px touches two or three a side.
    expect(tiles.every((t) => t.z === 6)).toBe(true);
    expect(tiles).toContainEqual({ z: 6, x: Math.floor(cx / 512), y: Math.floor(cy / 512) });
    expect(new Set(tiles.map((t) => t.x)).size).toBeGreaterThanOrEqual(2);
    expect(tiles.length).toBeLessThanOrEqual(9);
  });

  it('stay inside the world at its edges', () => {
    const tiles = coveringTiles({ center: [-179.9, 84], zoom: 2, width: 1200, height: 900 }, 2);
    expect(tiles.every((t) => t.x >= 0 && t.x < 4 && t.y >= 0 && t.y < 4)).toBe(true);
  });

  it('come from the archive’s zoom range: none below its least zoom, its greatest zoom above it', () => {
    expect(tileZoom(3.7, 0, 12)).toBe(3);
    expect(tileZoom(3.7, 4, 12)).toBeNull();
    expect(tileZoom(15.2, 0, 12)).toBe(12);
  });
});
