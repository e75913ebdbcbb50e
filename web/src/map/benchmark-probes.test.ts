import { describe, expect, it } from 'vitest';
import { boxOfLonLat } from '../../../server/domain/geometry/mercator.ts';
import { allocatePoints } from '../../../server/domain/point-payload.ts';
import { drawnCounts, FrameTimings } from './benchmark-probes.ts';
import { EnterpriseDetail } from './level-of-detail/enterprise-detail.ts';

function detailOf(lonLats: [number, number][]) {
  const { columns } = allocatePoints(lonLats.length);
  columns.position.set(lonLats.flat());
  return new EnterpriseDetail(columns);
}
const style = (visible: number[]) => ({
  colors: new Uint8Array(visible.length * 4).fill(200),
  radii: null,
  visible: new Float32Array(visible),
});

describe('drawnCounts', () => {
  it('zero enterprises drawn: null', () => {
    expect(drawnCounts(null)).toBeNull();
  });

  it('counts the plants drawn one by one, the filtered out ones not', () => {
    const detail = detailOf([
      [118.1, 39.6],
      [118.2, 39.7],
      [118.15, 39.65],
    ]).detail(boxOfLonLat(118.0, 39.5, 118.3, 39.8), 10, style([1, 0, 1]), true);
    expect(drawnCounts(detail)).toEqual({ kind: 'points', plants: 2 });
  });

  it('counts the cells holding plants and the plants in them', () => {
    const detail = detailOf([
      [118.1, 39.6],
      [118.1, 39.6],
      [112.0, 41.0],
    ]).detail(boxOfLonLat(100, 35, 125, 50), 4, style([1, 1, 1]), true);
    expect(drawnCounts(detail)).toEqual({ kind: 'cells', cells: 2, plants: 3 });
  });
});

describe('FrameTimings', () => {
  it('a frame before any enterprise is drawn sets only the last frame', () => {
    const t = new FrameTimings();
    t.layersSet(false);
    t.frameDrawn();
    expect(t.frameAt).toBeGreaterThan(0);
    expect(t.firstEnterpriseFrame).toBeNull();
    expect(t.styleDrawnAt).toBe(0);
  });

  it('the first frame after layers with enterprises draws the style; later frames do not move it', () => {
    const t = new FrameTimings();
    t.styleSet();
    t.layersSet(true);
    expect(t.layersSetAt).toBeGreaterThanOrEqual(t.styleSetAt);
    t.frameDrawn();
    const drawnAt = t.styleDrawnAt;
    expect(drawnAt).toBeGreaterThanOrEqual(t.layersSetAt);
    expect(t.firstEnterpriseFrame).toBe(drawnAt);
    t.frameDrawn();
    expect(t.styleDrawnAt).toBe(drawnAt);
    expect(t.firstEnterpriseFrame).toBe(drawnAt);
  });
});
