/**
 * Many prepared polygons behind a uniform grid of their bounding boxes: a point finds the zones
 * that may contain it by reading one grid cell (a few candidates) instead of testing every zone, so
 * screening n points against m zones costs about n · (a few box tests + one slab test). Grid cells
 * are sized from the zones themselves; a zone is listed in every cell its box overlaps.
 *
 * Flat typed arrays in the hot path; no allocation per query.
 */
import { EdgeIndex } from './edge-index.ts';
import { nearestBoundaryPoint } from './polygon-distance.ts';
import type { PreparedPolygon } from './prepared-polygon.ts';
import { degreesAround } from './wgs84.ts';

const MAX_CELLS = 1 << 22;

export class ZoneIndex {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly cell: number;
  private readonly cellStart: Uint32Array;
  private readonly cellZones: Uint32Array;
  private readonly boxes: Float64Array;
  private readonly edgeIndexes: (EdgeIndex | undefined)[];
  /** Query stamps so a zone met in several cells is visited once per query. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(readonly polygons: readonly PreparedPolygon[]) {
    const n = polygons.length;
    this.boxes = new Float64Array(n * 4);
    this.edgeIndexes = new Array(n);
    this.seen = new Uint32Array(n);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const sizes: number[] = [];
    polygons.forEach((p, i) => {
      this.boxes.set([p.minX, p.minY, p.maxX, p.maxY], i * 4);
      minX = Math.min(minX, p.minX);
      minY = Math.min(minY, p.minY);
      maxX = Math.max(maxX, p.maxX);
      maxY = Math.max(maxY, p.maxY);
      sizes.push(Math.max(p.maxX - p.minX, p.maxY - p.minY));
    });
    if (n === 0) {
      minX = minY = 0;
      maxX = maxY = 1;
    }
    // Cells about the size of a typical zone: few zones per cell, few cells per zone.
    sizes.sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] ?? 1;
    const width = Math.max(maxX - minX, 1e-9);
    const height = Math.max(maxY - minY, 1e-9);
    let cell = Math.max(median, 1e-6);
    while ((Math.ceil(width / cell) + 1) * (Math.ceil(height / cell) + 1) > MAX_CELLS) cell *= 2;
    this.cell = cell;
    this.minX = minX;
    this.minY = minY;
    this.cols = Math.ceil(width / cell) + 1;
    this.rows = Math.ceil(height / cell) + 1;

    const counts = new Uint32Array(this.cols * this.rows + 1);
    this.forEachCellOfBox(n, (c) => {
      counts[c + 1] = (counts[c + 1] as number) + 1;
    });
    for (let c = 0; c < this.cols * this.rows; c++) counts[c + 1] = (counts[c + 1] as number) + (counts[c] as number);
    this.cellStart = counts;
    this.cellZones = new Uint32Array(counts[this.cols * this.rows] as number);
    const fill = counts.slice(0, this.cols * this.rows);
    this.forEachCellOfBox(n, (c, z) => {
      this.cellZones[(fill[c] as number)++] = z;
    });
  }

  private forEachCellOfBox(n: number, visit: (cell: number, zone: number) => void): void {
    for (let z = 0; z < n; z++) {
      const c0 = this.colOf(this.boxes[z * 4] as number);
      const r0 = this.rowOf(this.boxes[z * 4 + 1] as number);
      const c1 = this.colOf(this.boxes[z * 4 + 2] as number);
      const r1 = this.rowOf(this.boxes[z * 4 + 3] as number);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * this.cols + c, z);
    }
  }

  private colOf(x: number): number {
    const c = Math.floor((x - this.minX) / this.cell);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private rowOf(y: number): number {
    const r = Math.floor((y - this.minY) / this.cell);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  /** Calls back with every zone containing the point (boundary included). */
  forEachContaining(lon: number, lat: number, visit: (zone: number) => void): void {
    this.containing(lon, lat, visit);
  }

  /** A zone containing the point (boundary included), or -1: stops at the first, for when any will do. */
  firstContaining(lon: number, lat: number): number {
    return this.containing(lon, lat, null);
  }

  /** Visits every zone containing the point; with no visitor, returns the first instead. -1 for none. */
  private containing(lon: number, lat: number, visit: ((zone: number) => void) | null): number {
    if (lon < this.minX || lat < this.minY) return -1;
    const col = Math.floor((lon - this.minX) / this.cell);
    const row = Math.floor((lat - this.minY) / this.cell);
    if (col >= this.cols || row >= this.rows) return -1;
    const cell = row * this.cols + col;
    const end = this.cellStart[cell + 1] as number;
    const boxes = this.boxes;
    for (let k = this.cellStart[cell] as number; k < end; k++) {
      const z = this.cellZones[k] as number;
      const b = z * 4;
      if (lon < (boxes[b] as number) || lat < (boxes[b + 1] as number) || lon > (boxes[b + 2] as number) || lat > (boxes[b + 3] as number))
        continue;
      if (!(this.polygons[z] as PreparedPolygon).contains(lon, lat)) continue;
      if (!visit) return z;
      visit(z);
    }
    return -1;
  }

  /**
   * Calls back with every zone that contains the point (distance 0) or whose nearest point lies
   * within `metres` of it (geodesic distance in metres).
   */
  forEachWithin(lon: number, lat: number, metres: number, visit: (zone: number, distance: number) => void): void {
    if (metres <= 0) {
      this.forEachContaining(lon, lat, (z) => visit(z, 0));
      return;
    }
    const { dLon, dLat } = degreesAround(lat, metres);
    const c0 = this.colOf(lon - dLon);
    const c1 = this.colOf(lon + dLon);
    const r0 = this.rowOf(lat - dLat);
    const r1 = this.rowOf(lat + dLat);
    if (lon + dLon < this.minX || lat + dLat < this.minY) return;
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const boxes = this.boxes;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        const end = this.cellStart[cell + 1] as number;
        for (let k = this.cellStart[cell] as number; k < end; k++) {
          const z = this.cellZones[k] as number;
          if (this.seen[z] === this.stamp) continue;
          this.seen[z] = this.stamp;
          const b = z * 4;
          if (
            lon + dLon < (boxes[b] as number) ||
            lat + dLat < (boxes[b + 1] as number) ||
            lon - dLon > (boxes[b + 2] as number) ||
            lat - dLat > (boxes[b + 3] as number)
          ) {
            continue;
          }
          const polygon = this.polygons[z] as PreparedPolygon;
          if (polygon.contains(lon, lat)) {
            visit(z, 0);
            continue;
          }
          const nearest = nearestBoundaryPoint(this.edges(z), lon, lat, metres);
          if (nearest && nearest.distance <= metres) visit(z, nearest.distance);
        }
      }
    }
  }

  /** The edge index of zone z, built on first use: containment-only runs never pay for it. */
  edges(z: number): EdgeIndex {
    let index = this.edgeIndexes[z];
    if (!index) {
      index = new EdgeIndex(this.polygons[z] as PreparedPolygon);
      this.edgeIndexes[z] = index;
    }
    return index;
  }
}
