import { describe, expect, it } from 'vitest';
import { actionCode } from '../../../server/domain/actions.ts';
import { allocateColumns, PROFILE_SCHEMA } from '../../../server/domain/column-payload.ts';
import { allocatePoints } from '../../../server/domain/point-payload.ts';
import { sortedIndices } from './sorted-indices.ts';

function data() {
  const { columns } = allocatePoints(5);
  const profile = allocateColumns(PROFILE_SCHEMA, 5, 1, 0).set;
  columns.action.set([0, actionCode('close'), actionCode('withdraw'), 0, actionCode('green')]);
  profile.columns.capacity.set([5, Number.NaN, 1, 9, 3]);
  return { points: columns, profile, indicators: null, rules: null };
}
const all = new Float32Array(5).fill(1);

describe('list order', () => {
  it('by action: most severe first, unflagged last, ties in key order', () => {
    expect([...sortedIndices(data(), all, 'action', false)]).toEqual([2, 1, 4, 0, 3]);
  });

  it('by capacity: missing values last in both directions', () => {
    expect([...sortedIndices(data(), all, 'capacity', false)]).toEqual([2, 4, 0, 3, 1]);
    expect([...sortedIndices(data(), all, 'capacity', true)]).toEqual([3, 0, 4, 2, 1]);
  });

  it('only what the filter draws', () => {
    const visible = Float32Array.from([1, 0, 1, 0, 1]);
    expect([...sortedIndices(data(), visible, 'key', false)]).toEqual([0, 2, 4]);
  });
});
