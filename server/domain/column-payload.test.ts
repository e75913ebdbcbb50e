import { describe, expect, it } from 'vitest';
import { allocateColumns, decodeColumns, PROFILE_SCHEMA, ruleMaskSchema, subsetColumns } from './column-payload.ts';

describe('subsetColumns', () => {
  it('takes the enterprises at the indices, in their order, every column and every word', () => {
    const profile = allocateColumns(PROFILE_SCHEMA, 4, 7, 9);
    profile.set.columns.capacity.set([1.5, Number.NaN, 3, 4]);
    profile.set.columns.unit.set([1, 0, 2, 3]);
    profile.set.columns.sector.set([10, 11, 12, 13]);
    const sub = decodeColumns(subsetColumns(profile.set, PROFILE_SCHEMA, Uint32Array.of(3, 1)).buffer, PROFILE_SCHEMA);
    expect([sub.count, sub.dataVersion, sub.tag]).toEqual([2, 7, 9]);
    expect([...sub.columns.capacity]).toEqual([4, Number.NaN]);
    expect([...sub.columns.unit]).toEqual([3, 0]);
    expect([...sub.columns.sector]).toEqual([13, 11]);

    const schema = ruleMaskSchema(2);
    const masks = allocateColumns(schema, 3, 1, 1);
    masks.set.columns.mask.set([1, 2, 3, 4, 5, 6]);
    const picked = subsetColumns(masks.set, schema, Uint32Array.of(2, 0));
    expect([...picked.set.columns.mask]).toEqual([5, 6, 1, 2]);
    expect(subsetColumns(masks.set, schema, new Uint32Array(0)).set.count).toBe(0);
  });
});
