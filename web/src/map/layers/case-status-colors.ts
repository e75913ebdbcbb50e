/**
 * Enterprise colours by ledger case status, for the same scatterplot that colours by sector: a
 * pure function from the point payload and GET /api/cases/map to one RGBA per enterprise.
 * Enterprises without a case fade out; an overdue case is red whatever its status.
 */
import type { CaseStatus } from '../../../../server/domain/case-lifecycle.ts';
import type { PointColumns } from '../../../../server/domain/point-payload.ts';
import type { RGB } from '../palette.ts';

export const CASE_STATUS_COLORS: Record<CaseStatus, RGB> = {
  identified: [255, 140, 0],
  plan_approved: [240, 200, 30],
  in_progress: [33, 113, 181],
  completed: [107, 174, 214],
  accepted: [35, 139, 69],
  cancelled: [116, 196, 118],
  exempted: [150, 150, 150],
  disputed: [158, 1, 156],
};
export const OVERDUE_COLOR: RGB = [215, 25, 28];
export const NO_CASE_COLOR: RGB = [160, 160, 160];

export interface CaseStatusByKey {
  statuses: readonly CaseStatus[];
  keys: readonly number[];
  status: readonly number[];
  overdue: readonly number[];
}

export function colorsByCaseStatus(points: PointColumns, cases: CaseStatusByKey): Uint8Array {
  const byKey = new Map<number, number>();
  for (let i = 0; i < cases.keys.length; i++) {
    byKey.set(cases.keys[i] as number, cases.overdue[i] ? -1 : (cases.status[i] as number));
  }
  const out = new Uint8Array(points.count * 4);
  for (let i = 0; i < points.count; i++) {
    const code = byKey.get(points.key[i] as number);
    const status = code === undefined || code < 0 ? undefined : cases.statuses[code];
    const c = code === undefined ? NO_CASE_COLOR : status ? CASE_STATUS_COLORS[status] : OVERDUE_COLOR;
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = code === undefined ? 40 : 245;
  }
  return out;
}
