import { describe, expect, it } from 'vitest';
import { boxOfLonLat } from '../../../server/domain/geometry/mercator.ts';
import { allocatePoints } from '../../../server/domain/point-payload.ts';
import { type DrawnEnterprises, describeDrawn, LegendReport } from './legend-report.ts';
import { EnterpriseDetail } from './level-of-detail/enterprise-detail.ts';

function detailOf(lonLats: [number, number][]) {
  const { columns } = allocatePoints(lonLats.length);
  columns.position.set(lonLats.flat());
  return new EnterpriseDetail(columns);
}
const style = (n: number) => ({ colors: new Uint8Array(n * 4).fill(200), radii: null, visible: new Float32Array(n).fill(1) });
const PLANTS: [number, number][] = [
  [118.1, 39.6],
  [118.2, 39.7],
  [112.0, 41.0],
];
const BOTH_PROVINCES = boxOfLonLat(100, 35, 125, 50);
const TANGSHAN = boxOfLonLat(118.0, 39.5, 118.3, 39.8);

describe('describeDrawn', () => {
  it('zero enterprises drawn: null', () => {
    expect(describeDrawn(null, 40, 50_000)).toBeNull();
  });

  it('plants drawn one by one: points, nothing more', () => {
    const detail = detailOf(PLANTS).detail(TANGSHAN, 10, style(3), true);
    expect(describeDrawn(detail, 39.65, 50_000)).toEqual({ kind: 'points' });
  });

  it('zoomed out: cells, their classes, the budget and the cell size at the centre in two digits', () => {
    const detail = detailOf(PLANTS).detail(BOTH_PROVINCES, 4, style(3), true);
    const drawn = describeDrawn(detail, 42, 50_000);
    if (drawn?.kind !== 'cells' || detail.kind !== 'cells') throw new Error(`expected cells, got ${JSON.stringify(drawn)}`);
    expect(drawn.reason).toBe('zoom');
    expect(drawn.budget).toBe(50_000);
    expect(drawn.classes).toBe(detail.classes);
    expect(drawn.cellKm).toBeGreaterThan(0);
    expect(Number(drawn.cellKm.toPrecision(2))).toBe(drawn.cellKm);
    // A cell covers less ground towards the pole.
    const north = describeDrawn(detail, 53, 50_000);
    expect(north?.kind === 'cells' && north.cellKm).toBeLessThan(drawn.cellKm);
  });
});

describe('LegendReport', () => {
  it('reports the first description, then only changes', () => {
    const heard: (DrawnEnterprises | null)[] = [];
    const report = new LegendReport((d) => heard.push(d));
    report.report(null);
    report.report({ kind: 'points' });
    report.report({ kind: 'points' });
    report.report(null);
    expect(heard).toEqual([null, { kind: 'points' }, null]);
  });

  it('a pan that moves the same cells says nothing', () => {
    const detail = detailOf(PLANTS);
    const heard: (DrawnEnterprises | null)[] = [];
    const report = new LegendReport((d) => heard.push(d));
    report.report(describeDrawn(detail.detail(BOTH_PROVINCES, 4.5, style(3), true), 42, 50_000));
    report.report(describeDrawn(detail.detail(BOTH_PROVINCES, 4.5, style(3), true), 42.001, 50_000));
    expect(heard).toHaveLength(1);
  });
});
