import { describe, expect, it } from 'vitest';
import { countBreaks, countClass } from './count-classes.ts';

describe('countBreaks', () => {
  it('all zero: one class from 1', () => {
    expect(countBreaks([0, 0, 0])).toEqual([1]);
    expect(countBreaks([])).toEqual([1]);
  });

  it('breaks are 1-2-5 numbers, ascending, starting at 1', () => {
    const breaks = countBreaks([1, 3, 7, 12, 40, 90, 260, 700, 1500, 4000]);
    expect(breaks[0]).toBe(1);
    for (const b of breaks) expect(String(b)).toMatch(/^[125]0*$/);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    expect(breaks.length).toBeLessThanOrEqual(5);
  });

  it('one value repeated gives one class', () => {
    expect(countBreaks([3, 3, 3, 3])).toEqual([1, 2]);
  });
});

describe('countClass', () => {
  it('zero is no class; a value on a break belongs to that break', () => {
    const breaks = [1, 10, 100];
    expect(countClass(0, breaks)).toBe(-1);
    expect(countClass(1, breaks)).toBe(0);
    expect(countClass(9, breaks)).toBe(0);
    expect(countClass(10, breaks)).toBe(1);
    expect(countClass(5000, breaks)).toBe(2);
  });
});
