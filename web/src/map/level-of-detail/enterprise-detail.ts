/**
 * What of a million enterprises deck.gl is handed for a view, so that a software renderer never
 * draws more than a budget of them. Zoomed out, the plants the filter lets through are counted per
 * grid cell and drawn as one bitmap of cells. Zoomed in, only the plants in a region around the view
 * are drawn, found through a k-d tree built once per payload; a region that holds more than the
 * budget is counted into cells too, as supercluster and kepler.gl do.
 *
 * The region is the view grown by a margin, kept until the view leaves it or crosses a whole zoom,
 * so a small pan or a filter change reuses the plants already found.
 */
import KDBush from 'kdbush';
import {
  type Box,
  cellSize,
  containsBox,
  expandBox,
  intersectBoxes,
  type MercatorPoints,
  mercatorPoints,
} from '../../../../server/domain/geometry/mercator.ts';
import type { PointColumns } from '../../../../server/domain/point-payload.ts';
import { type CellClass, cellClasses, gridImage } from './cell-classes.ts';
import { type GridCounts, gridCounts } from './grid-counts.ts';
import { pickPoint } from './pick-point.ts';
import { countVisible, type PointSubset, pointSubset, type SubsetStyle } from './point-subset.ts';

/** Below this zoom the plants are drawn as cells (when aggregation is on). */
export const AGGREGATE_BELOW_ZOOM = 6;

/**
 * The most plants drawn one by one; a region holding more is drawn as cells (when aggregation is
 * on). A GPU draws 50,000 in a few milliseconds. A software renderer would draw deck.gl's instanced
 * dots at some 15–25 µs each (software-renderer.ts: 1 s a frame for 37,000), so there the plants are
 * painted on the CPU into one bitmap instead (paint-points.ts), once per zoom, filter change or pan
 * beyond it. Measured in Chromium on the 1M demo (README, "Measured at a million enterprises"):
 * painting Tangshan's 36,879 plants at zoom 12 takes 35–60 ms, about 1.2 µs a plant, so 50,000 cost
 * a repaint some 60 ms, under one software frame of the basemap, while every other frame only moves
 * the bitmap. Hence the same budget as on a GPU.
 */
export const POINT_BUDGET = { gpu: 50_000, software: 50_000 } as const;

/**
 * A region reaches this fraction of the view's width and height beyond each side of it: pans of a
 * few hundred pixels redraw what is there, while the plants drawn stay close to those in view.
 */
export const VIEW_MARGIN = 0.15;

export type Detail =
  | {
      kind: 'cells';
      /** Zoomed out, or too many plants in the region to draw one by one. */
      reason: 'zoom' | 'budget';
      grid: GridCounts;
      classes: CellClass[];
      /** RGBA per cell (cell-classes.ts gridImage). */
      image: Uint8ClampedArray;
    }
  | { kind: 'points'; subset: PointSubset };

export interface DetailOptions {
  /** POINT_BUDGET.gpu unless given. */
  budget?: number;
  margin?: number;
}

interface Region {
  box: Box;
  /** The whole zoom the region was made at; cell size and the aggregation switch follow it. */
  step: number;
  /** Every enterprise inside the box, ascending; found the first time plants are drawn one by one. */
  candidates: Uint32Array | null;
}

export class EnterpriseDetail {
  private readonly mercator: MercatorPoints;
  private readonly budget: number;
  private readonly margin: number;
  private index: KDBush | null = null;
  private region: Region | null = null;
  private last: { style: SubsetStyle; aggregate: boolean; detail: Detail } | null = null;

  constructor(
    private readonly points: PointColumns,
    options: DetailOptions = {},
  ) {
    this.mercator = mercatorPoints(points.position, points.count);
    this.budget = options.budget ?? POINT_BUDGET.gpu;
    this.margin = options.margin ?? VIEW_MARGIN;
  }

  /**
   * Whether what was drawn no longer serves the view: the view crossed a whole zoom, or shows
   * plants beyond the region. Beyond the plants' extent there is nothing to miss.
   */
  stale(view: Box, zoom: number): boolean {
    const region = this.region;
    if (!region || Math.floor(zoom) !== region.step) return true;
    const extent = this.mercator.extent;
    const seen = extent && intersectBoxes(view, extent);
    if (!extent || !seen) return false;
    const held = intersectBoxes(region.box, extent);
    return !held || !containsBox(held, seen);
  }

  /** What to draw for the view (a box in world units, mercator.ts) at a zoom, and the style given. */
  detail(view: Box, zoom: number, style: SubsetStyle, aggregate: boolean): Detail {
    if (style.visible.length !== this.points.count)
      throw new Error(`A style for ${style.visible.length} enterprises was given for ${this.points.count} points.`);
    if (!this.region || this.stale(view, zoom)) {
      this.region = { box: expandBox(view, this.margin), step: Math.floor(zoom), candidates: null };
      this.last = null;
    }
    const last = this.last;
    if (last && last.style === style && last.aggregate === aggregate) return last.detail;
    const detail = this.compute(this.region, style, aggregate);
    this.last = { style, aggregate, detail };
    return detail;
  }

  private compute(region: Region, style: SubsetStyle, aggregate: boolean): Detail {
    if (aggregate && region.step < AGGREGATE_BELOW_ZOOM) return this.cells(region, style, 'zoom');
    region.candidates ??= this.within(region.box);
    if (aggregate && countVisible(region.candidates, style.visible) > this.budget) return this.cells(region, style, 'budget');
    return { kind: 'points', subset: pointSubset(region.candidates, style, this.points.position) };
  }

  private cells(region: Region, style: SubsetStyle, reason: 'zoom' | 'budget'): Detail {
    // One pass over every point: about as fast as a tree query that returns most of them.
    const grid = gridCounts(this.mercator.xy, style.visible, region.box, cellSize(region.step));
    const classes = cellClasses(grid.max);
    return { kind: 'cells', reason, grid, classes, image: gridImage(grid, classes) };
  }

  /** Every enterprise's position in world units, for painting plants (paint-points.ts). */
  get xy(): Float32Array {
    return this.mercator.xy;
  }

  /**
   * The enterprise whose painted dot in a subset this detail returned holds the pointer (world
   * units), or null (pick-point.ts).
   */
  pick(subset: PointSubset, fixedRadius: number, at: { x: number; y: number }, unitsPerPixel: number): number | null {
    return pickPoint(this.tree(), this.mercator.xy, subset, fixedRadius, at, unitsPerPixel);
  }

  /** Enterprises inside a box, ascending, so plants draw in the same order whatever the region. */
  private within(box: Box): Uint32Array {
    return Uint32Array.from(this.tree().range(box.minX, box.minY, box.maxX, box.maxY)).sort();
  }

  private tree(): KDBush {
    if (!this.index) {
      const { count, xy } = this.mercator;
      const index = new KDBush(count, 64, Float32Array);
      for (let i = 0; i < count; i++) index.add(xy[2 * i] as number, xy[2 * i + 1] as number);
      index.finish();
      this.index = index;
    }
    return this.index;
  }
}
