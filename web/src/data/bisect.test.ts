import { describe, expect, it } from 'vitest';
import { bisect } from './bisect.ts';

describe('bisect', () => {
  const sorted = Uint32Array.from([2, 5, 9, 14, 20]);

  it('finds every value, first and last included', () => {
    expect([2, 5, 9, 14, 20].map((v) => bisect(sorted, v))).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers -1 for a value between, before or after the others, and for an empty list', () => {
    expect([1, 6, 21].map((v) => bisect(sorted, v))).toEqual([-1, -1, -1]);
    expect(bisect([], 3)).toBe(-1);
  });

  it('looks only at the first `count` values', () => {
    expect(bisect(sorted, 20, 4)).toBe(-1);
    expect(bisect(sorted, 14, 4)).toBe(3);
  });
});
