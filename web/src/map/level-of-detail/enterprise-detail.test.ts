import { describe, expect, it } from 'vitest';
import { boxOfLonLat } from '../../../../server/domain/geometry/mercator.ts';
import { allocatePoints } from '../../../../server/domain/point-payload.ts';
import { AGGREGATE_BELOW_ZOOM, type Detail, EnterpriseDetail } from './enterprise-detail.ts';

function points(lonLats: [number, number][]) {
  const { columns } = allocatePoints(lonLats.length);
  columns.position.set(lonLats.flat());
  return columns;
}

function style(visible: number[]) {
  return { colors: new Uint8Array(visible.length * 4).fill(200), radii: null, visible: new Float32Array(visible) };
}

const plantsOf = (d: Detail) => (d.kind === 'points' ? [...d.subset.index] : d.kind);
/** Tangshan's centre, 0.3° wide; the plants below are placed in and around it. */
const TANGSHAN = boxOfLonLat(118.0, 39.5, 118.3, 39.8);
const IN_VIEW: [number, number] = [118.1, 39.6];
const IN_MARGIN: [number, number] = [118.35, 39.6];
const FAR: [number, number] = [112.0, 41.0];

describe('EnterpriseDetail', () => {
  it('zoomed out, counts the plants the filter lets through into cells', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, IN_VIEW, FAR]));
    const detail = d.detail(boxOfLonLat(100, 35, 125, 50), 4, style([1, 0, 1]), true);
    expect(detail.kind === 'cells' && detail.reason).toBe('zoom');
    expect(detail.kind === 'cells' && [detail.grid.total, detail.grid.max]).toEqual([2, 1]);
  });

  it('zoomed in, hands over only the plants in the view and its margin, by global index', () => {
    const d = new EnterpriseDetail(points([FAR, IN_VIEW, IN_MARGIN, FAR, IN_VIEW]), { margin: 0.25 });
    const detail = d.detail(TANGSHAN, 10, style([1, 1, 1, 1, 1]), true);
    expect(plantsOf(detail)).toEqual([1, 2, 4]);
    // Each plant drawn carries the position of the enterprise its index names.
    if (detail.kind !== 'points') throw new Error('expected points');
    expect(detail.subset.positions[3]).toBeCloseTo(IN_MARGIN[0], 5);
  });

  it('zoomed in with an empty filter, draws no plant', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, IN_VIEW]));
    expect(plantsOf(d.detail(TANGSHAN, 10, style([0, 0]), true))).toEqual([]);
  });

  it('over the budget, falls back to cells even zoomed in', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, IN_VIEW, IN_VIEW, FAR]), { budget: 2 });
    const detail = d.detail(TANGSHAN, 10, style([1, 1, 1, 1]), true);
    expect(detail.kind === 'cells' && [detail.reason, detail.grid.total]).toEqual(['budget', 3]);
    // The filter brings the region within the budget: plants again.
    expect(plantsOf(d.detail(TANGSHAN, 10, style([1, 0, 1, 1]), true))).toEqual([0, 2]);
  });

  it('draws plants one by one, whatever their number, when aggregation is off', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, IN_VIEW, IN_VIEW, FAR]), { budget: 2 });
    expect(plantsOf(d.detail(TANGSHAN, 10, style([1, 1, 1, 1]), false))).toEqual([0, 1, 2]);
    expect(plantsOf(d.detail(boxOfLonLat(100, 35, 125, 50), 4, style([1, 1, 1, 1]), false))).toEqual([0, 1, 2, 3]);
  });

  it('switches to plants at the aggregation zoom', () => {
    const d = new EnterpriseDetail(points([IN_VIEW]));
    expect(d.detail(TANGSHAN, AGGREGATE_BELOW_ZOOM - 0.01, style([1]), true).kind).toBe('cells');
    expect(d.detail(TANGSHAN, AGGREGATE_BELOW_ZOOM, style([1]), true).kind).toBe('points');
  });

  it('keeps its region through a pan within the margin, and answers the same detail while nothing changed', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, IN_MARGIN]), { margin: 0.5 });
    const s = style([1, 1]);
    const first = d.detail(TANGSHAN, 10, s, true);
    const panned = boxOfLonLat(117.95, 39.5, 118.25, 39.8);
    expect(d.stale(panned, 10.5)).toBe(false);
    expect(d.detail(panned, 10.5, s, true)).toBe(first);
    // A filter change is drawn from the same region: the plant in its margin is still there.
    expect(plantsOf(d.detail(panned, 10.5, style([0, 1]), true))).toEqual([1]);
  });

  it('is stale once the view leaves the region or crosses a whole zoom', () => {
    const d = new EnterpriseDetail(points([IN_VIEW, FAR]), { margin: 0.25 });
    d.detail(TANGSHAN, 10, style([1, 1]), true);
    expect(d.stale(boxOfLonLat(117.6, 39.5, 117.9, 39.8), 10)).toBe(true);
    expect(d.stale(TANGSHAN, 11)).toBe(true);
    expect(d.stale(TANGSHAN, 9.99)).toBe(true);
  });

  it('is never stale over a view beyond every plant', () => {
    const d = new EnterpriseDetail(points([IN_VIEW]));
    d.detail(TANGSHAN, 10, style([1]), true);
    expect(d.stale(boxOfLonLat(80, 20, 80.3, 20.3), 10)).toBe(false);
  });

  it('handles zero enterprises', () => {
    const d = new EnterpriseDetail(points([]));
    expect(plantsOf(d.detail(TANGSHAN, 10, style([]), true))).toEqual([]);
    const cells = d.detail(boxOfLonLat(100, 35, 125, 50), 4, style([]), true);
    expect(cells.kind === 'cells' && [cells.grid.total, cells.classes.length]).toEqual([0, 0]);
  });

  it('rejects a style for another number of enterprises, naming both', () => {
    const d = new EnterpriseDetail(points([IN_VIEW]));
    expect(() => d.detail(TANGSHAN, 10, style([1, 1]), true)).toThrow('A style for 2 enterprises was given for 1 points.');
  });
});
