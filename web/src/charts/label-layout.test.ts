import { describe, expect, it } from 'vitest';
import { spreadLabels } from './label-layout.ts';

const PLOT = { minGap: 10, min: 0, max: 100 };

/** Order kept, neighbours at least `gap` apart, all inside [min, max]. */
function expectLaidOut(wanted: number[], placed: number[], { min, max }: { min: number; max: number }, gap: number) {
  expect(placed).toHaveLength(wanted.length);
  const order = wanted.map((_, i) => i).sort((a, b) => (wanted[a] as number) - (wanted[b] as number) || a - b);
  for (let k = 0; k < order.length; k++) {
    const y = placed[order[k] as number] as number;
    expect(y).toBeGreaterThanOrEqual(min - 1e-9);
    expect(y).toBeLessThanOrEqual(max + 1e-9);
    if (k > 0) expect(y - (placed[order[k - 1] as number] as number)).toBeGreaterThanOrEqual(gap - 1e-9);
  }
}

/** mulberry32: the same labels every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('spreadLabels', () => {
  it('no labels', () => {
    expect(spreadLabels([], PLOT)).toEqual([]);
  });

  it('one label stays where it is, or is clamped into the plot', () => {
    expect(spreadLabels([42], PLOT)).toEqual([42]);
    expect(spreadLabels([-5], PLOT)).toEqual([0]);
    expect(spreadLabels([130], PLOT)).toEqual([100]);
  });

  it('labels already apart do not move', () => {
    expect(spreadLabels([70, 10, 40], PLOT)).toEqual([70, 10, 40]);
  });

  it('labels exactly minGap apart do not move', () => {
    expect(spreadLabels([20, 30, 40], PLOT)).toEqual([20, 30, 40]);
  });

  it('two close labels move apart symmetrically about their mean', () => {
    expect(spreadLabels([50, 54], PLOT)).toEqual([47, 57]);
  });

  it('all equal values spread about that value in their input order', () => {
    const placed = spreadLabels([50, 50, 50, 50], PLOT);
    expect(placed).toEqual([35, 45, 55, 65]);
  });

  it('labels at the top edge stack downwards from it', () => {
    expect(spreadLabels([0, 0, 0], PLOT)).toEqual([0, 10, 20]);
  });

  it('labels at the bottom edge stack upwards from it', () => {
    expect(spreadLabels([100, 100, 100], PLOT)).toEqual([80, 90, 100]);
  });

  it('labels beyond both edges are clamped into the plot', () => {
    expect(spreadLabels([-40, 160], PLOT)).toEqual([0, 100]);
  });

  it('a group pushed off the bottom edge merges with the group above it', () => {
    // 95 and 100 pair up at 90/100; 85 then collides with 90 and the three stack from 80.
    expect(spreadLabels([85, 95, 100, 0], PLOT)).toEqual([80, 90, 100, 0]);
  });

  it('keeps the order of the values, not of the input, and answers in input order', () => {
    const wanted = [60, 58, 61, 20];
    const placed = spreadLabels(wanted, PLOT);
    expectLaidOut(wanted, placed, PLOT, 10);
    expect(placed[3]).toBe(20);
    expect(placed[1] as number).toBeLessThan(placed[0] as number);
    expect(placed[0] as number).toBeLessThan(placed[2] as number);
  });

  it('more labels than the plot holds minGap apart: the gap shrinks and they fill it evenly', () => {
    const placed = spreadLabels([50, 50, 50, 50, 50], { minGap: 30, min: 0, max: 100 });
    expect(placed).toEqual([0, 25, 50, 75, 100]);
  });

  it('a plot of zero height puts every label on its one line', () => {
    expect(spreadLabels([3, 9], { minGap: 10, min: 5, max: 5 })).toEqual([5, 5]);
  });

  it('a minGap of zero moves only labels outside the plot', () => {
    expect(spreadLabels([50, 50, 120], { minGap: 0, min: 0, max: 100 })).toEqual([50, 50, 100]);
  });

  it('never overlaps, keeps order and stays inside, for many seeded random layouts', () => {
    const random = seeded(2026);
    for (let run = 0; run < 500; run++) {
      const n = Math.floor(random() * 12);
      const wanted = Array.from({ length: n }, () => Math.round(random() * 160 - 30));
      const options = { minGap: 4 + random() * 12, min: 0, max: 100 };
      const gap = n > 1 ? Math.min(options.minGap, 100 / (n - 1)) : options.minGap;
      expectLaidOut(wanted, spreadLabels(wanted, options), options, gap);
    }
  });

  it('names a bad value', () => {
    expect(() => spreadLabels([1, Number.NaN], PLOT)).toThrow('Unexpected label position NaN at index 1.');
    expect(() => spreadLabels([1], { minGap: 10, min: 100, max: 0 })).toThrow('Unexpected label range: min 100, max 0.');
    expect(() => spreadLabels([1], { minGap: -1, min: 0, max: 100 })).toThrow('Unexpected minGap value: -1.');
  });
});
