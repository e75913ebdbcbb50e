/**
 * An index over the edges of a prepared polygon, so that the nearest edge to a point is found
 * from a handful of candidates rather than by scanning thousands of boundary vertices.
 */
import Flatbush from 'flatbush';
import type { PreparedPolygon } from './prepared-polygon.ts';

export class EdgeIndex {
  /** Start vertex of each indexed edge (its end is the next vertex). */
  readonly edges: Uint32Array;
  private readonly tree: Flatbush | null;

  constructor(readonly polygon: PreparedPolygon) {
    const { xs, ys, ringStart } = polygon;
    const edges = new Uint32Array(polygon.edgeCount);
    let n = 0;
    for (let r = 0; r + 1 < ringStart.length; r++) {
      const end = (ringStart[r + 1] as number) - 1;
      for (let i = ringStart[r] as number; i < end; i++) edges[n++] = i;
    }
    this.edges = edges;
    if (n === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(n);
    for (let k = 0; k < n; k++) {
      const i = edges[k] as number;
      const ax = xs[i] as number;
      const ay = ys[i] as number;
      const bx = xs[i + 1] as number;
      const by = ys[i + 1] as number;
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    tree.finish();
    this.tree = tree;
  }

  /** Calls back with the start vertex of every edge whose box meets the query box. */
  search(minX: number, minY: number, maxX: number, maxY: number, visit: (vertex: number) => void): void {
    if (!this.tree) return;
    for (const k of this.tree.search(minX, minY, maxX, maxY)) visit(this.edges[k] as number);
  }
}
