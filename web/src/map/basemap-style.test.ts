import { describe, expect, it } from 'vitest';
import { OFFLINE_COLORS, offlineBasemap, overlayStyle } from './basemap-style.ts';

const detail = { tiles: 'greenline-offline://{z}/{x}/{y}', minzoom: 3, maxzoom: 10 };

describe('offlineBasemap', () => {
  it('without the detail archive: China and the demo provinces only', () => {
    const part = offlineBasemap('/china.geojson');
    expect(Object.keys(part.sources)).toEqual(['china']);
    expect(part.layers.map((l) => l.id)).toEqual(['background', 'china-fill', 'china-line', 'demo-province-fill']);
  });

  it('with it: lakes, then county lines, then rivers, above the land and below everything of ours', () => {
    const style = overlayStyle(offlineBasemap('/china.geojson', detail), () => 1);
    const ids = style.layers.map((l) => l.id);
    expect(ids.slice(4, 7)).toEqual(['offline-lakes', 'offline-county-lines', 'offline-rivers']);
    expect(ids.indexOf('offline-rivers')).toBeLessThan(ids.indexOf('choropleth-fill'));
    expect(style.sources['offline-detail']).toMatchObject({ type: 'vector', tiles: [detail.tiles], minzoom: 3, maxzoom: 10 });
  });

  it('county lines from prefecture zoom on, dashed, in their own colour', () => {
    const county = offlineBasemap('/china.geojson', detail).layers.find((l) => l.id === 'offline-county-lines');
    expect(county).toMatchObject({ type: 'line', 'source-layer': 'counties', minzoom: 6 });
    expect((county as { paint: Record<string, unknown> }).paint['line-color']).toBe(OFFLINE_COLORS.countyLine);
    expect((county as { paint: Record<string, unknown> }).paint['line-dasharray']).toEqual([4, 2]);
  });
});
