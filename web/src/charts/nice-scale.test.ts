import { describe, expect, it } from 'vitest';
import { niceScale } from './nice-scale.ts';

describe('niceScale', () => {
  it('covers every value with round steps', () => {
    expect(niceScale([0, -17.6, -3.2])).toEqual({ min: -20, max: 0, interval: 5 });
    expect(niceScale([0, 182.4, 200])).toEqual({ min: 0, max: 200, interval: 50 });
  });

  it('covers a target outside the data', () => {
    const { min, max } = niceScale([0, -4.1, -2, -18]);
    expect(min).toBeLessThanOrEqual(-18);
    expect(max).toBeGreaterThanOrEqual(0);
  });

  it('values on a step stay on the edge, not a step further', () => {
    expect(niceScale([-20, 0])).toEqual({ min: -20, max: 0, interval: 5 });
  });

  it('small decimals print without float noise', () => {
    expect(niceScale([0.1, 0.3])).toEqual({ min: 0.1, max: 0.3, interval: 0.05 });
  });

  it('one value: a step around it', () => {
    expect(niceScale([50])).toEqual({ min: 44, max: 56, interval: 2 });
  });

  it('all zero', () => {
    expect(niceScale([0, 0])).toEqual({ min: -1, max: 1, interval: 0.5 });
  });

  it('zero values, or only nulls: 0 to 1', () => {
    expect(niceScale([])).toEqual({ min: 0, max: 1, interval: 0.2 });
    expect(niceScale([null, Number.NaN])).toEqual({ min: 0, max: 1, interval: 0.2 });
  });

  it('every tick is a whole number of steps from min, ending at max', () => {
    for (const values of [
      [-3.7, 12.9],
      [0, 1234],
      [-0.04, 0.013],
      [7, 9],
    ]) {
      const { min, max, interval } = niceScale(values);
      const steps = (max - min) / interval;
      expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-9);
      expect(steps).toBeLessThanOrEqual(10);
    }
  });

  it('counts step by whole numbers, even over a small range', () => {
    expect(niceScale([0, 1, 2], { integer: true })).toEqual({ min: 0, max: 2, interval: 1 });
    expect(niceScale([0, 12], { integer: true })).toEqual({ min: 0, max: 12, interval: 2 });
    expect(niceScale([0, 0], { integer: true }).interval).toBe(1);
  });

  it('refuses a tick count that is not a positive integer, naming it', () => {
    expect(() => niceScale([1, 2], { ticks: 0 })).toThrow('Unexpected ticks value: 0.');
  });
});
