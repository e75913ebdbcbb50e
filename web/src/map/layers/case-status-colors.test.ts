import { describe, expect, it } from 'vitest';
import { allocatePoints } from '../../../../server/domain/point-payload.ts';
import { CASE_STATUS_COLORS, colorsByCaseStatus, NO_CASE_COLOR, OVERDUE_COLOR } from './case-status-colors.ts';

function points(keys: number[]) {
  const { columns } = allocatePoints(keys.length);
  keys.forEach((k, i) => {
    columns.key[i] = k;
  });
  return columns;
}

const rgba = (out: Uint8Array, i: number) => [...out.slice(4 * i, 4 * i + 4)];

describe('colorsByCaseStatus', () => {
  it('colours each enterprise by its case, overdue red, no case faded', () => {
    const out = colorsByCaseStatus(points([10, 20, 30]), {
      statuses: ['identified', 'plan_approved', 'in_progress', 'completed', 'accepted', 'cancelled', 'exempted', 'disputed'],
      keys: [10, 30],
      status: [4, 2],
      overdue: [0, 1],
    });
    expect(rgba(out, 0)).toEqual([...CASE_STATUS_COLORS.accepted, 245]);
    expect(rgba(out, 1)).toEqual([...NO_CASE_COLOR, 40]);
    expect(rgba(out, 2)).toEqual([...OVERDUE_COLOR, 245]);
  });

  it('handles zero enterprises and zero cases', () => {
    expect(colorsByCaseStatus(points([]), { statuses: [], keys: [], status: [], overdue: [] })).toHaveLength(0);
    expect(rgba(colorsByCaseStatus(points([5]), { statuses: [], keys: [], status: [], overdue: [] }), 0)).toEqual([...NO_CASE_COLOR, 40]);
  });
});
