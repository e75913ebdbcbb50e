/**
 * Tells the legend what the enterprises are drawn as (plants, or cells with their classes and
 * size), and only when that changes: a pan that moves the same cells says nothing, so React does
 * not redraw the legend on every frame of a drag.
 */

import { metresPerUnit } from '../../../server/domain/geometry/mercator.ts';
import type { CellClass } from './level-of-detail/cell-classes.ts';
import type { Detail } from './level-of-detail/enterprise-detail.ts';

/** What the legend needs to know of how the enterprises are drawn. */
export type DrawnEnterprises =
  | { kind: 'points' }
  | {
      kind: 'cells';
      reason: 'zoom' | 'budget';
      /** The most plants this renderer draws one by one. */
      budget: number;
      classes: CellClass[];
      /** Side of a cell at the view's centre, two significant digits. */
      cellKm: number;
    };

/** How a detail is drawn, as the legend says it; null while no enterprises are drawn. */
export function describeDrawn(detail: Detail | null, centreLat: number, budget: number): DrawnEnterprises | null {
  if (detail?.kind === 'points') return { kind: 'points' };
  if (detail?.kind !== 'cells') return null;
  const km = (detail.grid.cell * metresPerUnit(centreLat)) / 1000;
  return { kind: 'cells', reason: detail.reason, budget, classes: detail.classes, cellKm: Number(km.toPrecision(2)) };
}

export class LegendReport {
  /** The last description reported, as JSON; none is reported yet. */
  private reported: string | undefined;

  constructor(private readonly onDrawn: (drawn: DrawnEnterprises | null) => void) {}

  report(drawn: DrawnEnterprises | null): void {
    const key = JSON.stringify(drawn);
    if (key === this.reported) return;
    this.reported = key;
    this.onDrawn(drawn);
  }
}
