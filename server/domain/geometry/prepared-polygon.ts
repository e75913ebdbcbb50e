/**
 * A polygon or multipolygon prepared for many point-in-polygon tests.
 *
 * Edges are straight lines in longitude/latitude, as GeoJSON (RFC 7946) says. A point on an edge
 * or a vertex counts as inside (it intersects the polygon, as PostGIS ST_Intersects says). Each
 * part is tested by crossing parity over its shell and holes, so ring orientation does not matter
 * and rings that touch themselves (common in real boundary data) work.
 *
 * Orientation uses Shewchuk's robust predicate, so a point a hair's breadth from an edge is
 * classified exactly rather than by the rounding of an intersection formula.
 *
 * Edges are bucketed into horizontal slabs: the ray cast from a point only meets edges that span
 * its latitude, and all of those sit in the point's slab, so one test reads a handful of edges
 * instead of every edge of a large boundary.
 */

import type { MultiPolygon, Polygon, Position } from 'geojson';
import { orient2d } from 'robust-predicates';

export type PolygonalGeometry = Polygon | MultiPolygon;

export class PreparedPolygon {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Vertices of every ring, each ring closed (its last vertex repeats the first). */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** ringStart[r] is the first vertex of ring r; ringStart[ringCount] is the vertex count. */
  readonly ringStart: Uint32Array;
  /** The part (polygon of a multipolygon) each ring belongs to. */
  readonly ringPart: Uint32Array;
  readonly partCount: number;
  readonly edgeCount: number;

  private readonly slabCount: number;
  private readonly slabHeight: number;
  /** CSR layout: edges of slab s are slabEdges[slabStart[s] .. slabStart[s + 1]). */
  private readonly slabStart: Uint32Array;
  private readonly slabEdges: Uint32Array;
  /** Scratch parity per part; the class is used from one thread at a time. */
  private readonly parity: Uint8Array;

  constructor(geometry: PolygonalGeometry) {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const rings: { ring: Position[]; part: number }[] = [];
    parts.forEach((part, p) => {
      for (const ring of part) if (ring.length > 0) rings.push({ ring, part: p });
    });

    let vertexCount = 0;
    for (const { ring } of rings) vertexCount += ring.length + (isClosed(ring) ? 0 : 1);
    this.xs = new Float64Array(vertexCount);
    this.ys = new Float64Array(vertexCount);
    this.ringStart = new Uint32Array(rings.length + 1);
    this.ringPart = new Uint32Array(rings.length);
    this.partCount = parts.length;
    this.parity = new Uint8Array(parts.length);

    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let v = 0;
    rings.forEach(({ ring, part }, r) => {
      this.ringStart[r] = v;
      this.ringPart[r] = part;
      const closed = isClosed(ring);
      const n = ring.length + (closed ? 0 : 1);
      for (let i = 0; i < n; i++) {
        const pos = ring[i % ring.length] as Position;
        const x = pos[0] as number;
        const y = pos[1] as number;
        this.xs[v] = x;
        this.ys[v] = y;
        v++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    });
    this.ringStart[rings.length] = v;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.edgeCount = vertexCount - rings.length;

    // About two edges per slab for a simple ring; capped so tiny polygons do not pay for slabs.
    this.slabCount = Math.max(1, Math.min(4096, Math.floor(this.edgeCount / 2)));
    this.slabHeight = maxY > minY ? (maxY - minY) / this.slabCount : 1;
    const counts = new Uint32Array(this.slabCount + 1);
    this.forEachEdge((_edge, a, b) => {
      const [s0, s1] = this.slabRange(a, b);
      for (let s = s0; s <= s1; s++) counts[s + 1] = (counts[s + 1] ?? 0) + 1;
    });
    for (let s = 0; s < this.slabCount; s++) counts[s + 1] = (counts[s + 1] ?? 0) + (counts[s] ?? 0);
    this.slabStart = counts;
    this.slabEdges = new Uint32Array(counts[this.slabCount] ?? 0);
    const fill = counts.slice(0, this.slabCount);
    this.forEachEdge((e, a, b) => {
      const [s0, s1] = this.slabRange(a, b);
      for (let s = s0; s <= s1; s++) this.slabEdges[(fill[s] as number)++] = e;
    });
  }

  /** Calls back with (start vertex of edge, its y range). */
  private forEachEdge(callback: (edge: number, y0: number, y1: number) => void): void {
    const rings = this.ringPart.length;
    for (let r = 0; r < rings; r++) {
      const end = (this.ringStart[r + 1] as number) - 1;
      for (let i = this.ringStart[r] as number; i < end; i++) {
        const a = this.ys[i] as number;
        const b = this.ys[i + 1] as number;
        callback(i, Math.min(a, b), Math.max(a, b));
      }
    }
  }

  private slabOf(y: number): number {
    const s = Math.floor((y - this.minY) / this.slabHeight);
    return s < 0 ? 0 : s >= this.slabCount ? this.slabCount - 1 : s;
  }

  private slabRange(y0: number, y1: number): [number, number] {
    return [this.slabOf(y0), this.slabOf(y1)];
  }

  /** True when (x, y) is inside, on an edge or on a vertex. */
  contains(x: number, y: number): boolean {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return false;
    const { xs, ys, slabEdges } = this;
    const parity = this.parity;
    const s = this.slabOf(y);
    const end = this.slabStart[s + 1] as number;
    parity.fill(0);
    for (let k = this.slabStart[s] as number; k < end; k++) {
      const i = slabEdges[k] as number;
      const ay = ys[i] as number;
      const by = ys[i + 1] as number;
      if ((ay > y && by > y) || (ay < y && by < y)) continue;
      const ax = xs[i] as number;
      const bx = xs[i + 1] as number;
      // Entirely to the left and not touching: cannot be crossed by a ray cast to +x.
      if (ax < x && bx < x) continue;
      // robust-predicates' orient2d is negative when (a, b, p) turn counter-clockwise, whatever its
      // README says; negate so that o > 0 means p lies left of a→b.
      const o = -orient2d(ax, ay, bx, by, x, y);
      if (o === 0) {
        if (x >= Math.min(ax, bx) && x <= Math.max(ax, bx)) return true;
        continue;
      }
      // Half-open rule: an edge counts when it straddles y with one end strictly above.
      if (ay > y !== by > y && (by > ay ? o > 0 : o < 0)) {
        const part = this.partOfVertex(i);
        parity[part] = (parity[part] as number) ^ 1;
      }
    }
    for (let p = 0; p < this.partCount; p++) if (parity[p] === 1) return true;
    return false;
  }

  /** The part of the ring holding vertex i (binary search over ring starts). */
  partOfVertex(i: number): number {
    if (this.partCount === 1) return 0;
    return this.ringPart[this.ringOfVertex(i)] as number;
  }

  ringOfVertex(i: number): number {
    let lo = 0;
    let hi = this.ringPart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.ringStart[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

function isClosed(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}
