/**
 * What the map benchmark (bench/map.bench.ts) and the browser tests read of the map through
 * window.__greenline.controller: when frames were drawn, and how many plants and cells a view drew.
 * Tests assert on behaviour; these only report.
 */
import type { Detail } from './level-of-detail/enterprise-detail.ts';

/**
 * performance.now() of the first frame that drew enterprises; of the last enterprise style
 * (colours, sizes, filter) handed in, of the layers built from it being handed to deck.gl, and of
 * the frame that first drew it, and of the last frame drawn.
 */
export class FrameTimings {
  firstEnterpriseFrame: number | null = null;
  styleSetAt = 0;
  layersSetAt = 0;
  styleDrawnAt = 0;
  frameAt = 0;
  private enterprisesInLastLayers = false;
  private styleFramePending = false;

  styleSet(): void {
    this.styleSetAt = performance.now();
  }

  /** Layers were handed to deck.gl; with enterprises among them, the next frame draws the style. */
  layersSet(withEnterprises: boolean): void {
    this.enterprisesInLastLayers = withEnterprises;
    this.styleFramePending = withEnterprises;
    this.layersSetAt = performance.now();
  }

  frameDrawn(): void {
    const now = performance.now();
    this.frameAt = now;
    if (this.enterprisesInLastLayers && this.firstEnterpriseFrame === null) this.firstEnterpriseFrame = now;
    if (this.styleFramePending && this.enterprisesInLastLayers) {
      this.styleFramePending = false;
      this.styleDrawnAt = now;
    }
  }
}

export type DrawnCounts = { kind: 'points'; plants: number } | { kind: 'cells'; cells: number; plants: number };

/** How the enterprises are drawn, and how many plants and cells; null while none are drawn. */
export function drawnCounts(detail: Detail | null): DrawnCounts | null {
  if (!detail) return null;
  return detail.kind === 'points'
    ? { kind: 'points', plants: detail.subset.count }
    : { kind: 'cells', cells: detail.grid.counts.filter((c) => c > 0).length, plants: detail.grid.total };
}
