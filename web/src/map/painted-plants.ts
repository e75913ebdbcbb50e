/**
 * The plants where WebGL is drawn in software (software-renderer.ts): painted into one bitmap
 * (layers/painted-layer.ts) instead of handed to deck.gl one by one. The painting is kept while the
 * view stays within it at the same zoom and the same plants are drawn, so a pan only moves the quad.
 * Nothing painted is pickable: hover and click find the plant through the k-d tree, and the hovered
 * plant is marked as deck.gl's autoHighlight marks it on a GPU.
 */
import type { Layer } from '@deck.gl/core';
import { type Box, latToY, lonToX } from '../../../server/domain/geometry/mercator.ts';
import { bisect } from '../data/bisect.ts';
import { FIXED_RADIUS } from './enterprise-style.ts';
import { highlightLayer, type Painting, paintedLayer, paintingServes, paintPlants } from './layers/painted-layer.ts';
import type { EnterpriseDetail } from './level-of-detail/enterprise-detail.ts';
import { drawnRadius, unitsPerPixel } from './level-of-detail/paint-points.ts';
import type { PointSubset } from './level-of-detail/point-subset.ts';

export class PaintedPlants {
  /** The plants last painted; null while none are (cells, a GPU, or the enterprises hidden). */
  private painting: Painting | null = null;
  /** The painted plant under the pointer, by its index in the points. */
  private hovered: number | null = null;

  /** Whether plants are painted now: hover and click then go through pick. */
  get active(): boolean {
    return this.painting !== null;
  }

  /** Whether the pointer is over a painted plant (the cursor shows a pointer). */
  get hovering(): boolean {
    return this.hovered !== null;
  }

  /** The painting and the hovered plant's mark; repaints only when the plants, the zoom or a view beyond it need it. */
  layers(detail: EnterpriseDetail, subset: PointSubset, position: Float32Array, view: Box, zoom: number, opacity: number): Layer[] {
    const painting =
      this.painting && paintingServes(this.painting, subset, view, zoom)
        ? this.painting
        : paintPlants(detail.xy, subset, FIXED_RADIUS, view, zoom, window.devicePixelRatio || 1);
    this.painting = painting;
    const layers: Layer[] = [paintedLayer(painting, opacity)];
    const hovered = this.hovered;
    const slot = hovered === null ? -1 : bisect(subset.index, hovered, subset.count);
    if (hovered !== null && slot >= 0) {
      const at: [number, number] = [position[2 * hovered] as number, position[2 * hovered + 1] as number];
      layers.push(highlightLayer(at, drawnRadius(subset, slot, FIXED_RADIUS)));
    }
    return layers;
  }

  /** Whether the painting no longer shows these plants for the view at this zoom. */
  needsRepaint(subset: PointSubset, view: Box, zoom: number): boolean {
    return !this.painting || !paintingServes(this.painting, subset, view, zoom);
  }

  /** The enterprise whose painted dot holds the pointer at a longitude and latitude, or null. */
  pick(detail: EnterpriseDetail, subset: PointSubset, at: { lng: number; lat: number }, zoom: number): number | null {
    return detail.pick(subset, FIXED_RADIUS, { x: lonToX(at.lng), y: latToY(at.lat) }, unitsPerPixel(zoom));
  }

  /** Records the plant under the pointer; true when the highlight must be redrawn. */
  hover(index: number | null): boolean {
    if (!this.painting || index === this.hovered) return false;
    this.hovered = index;
    return true;
  }

  /** Forgets the painting and the hover once plants are no longer painted. */
  clear(): void {
    this.painting = null;
    this.hovered = null;
  }
}
