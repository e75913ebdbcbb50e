/**
 * Finds, for a run of points, every zone that contains each point or lies within the band its
 * zone kind needs (the widest band any rule asks of that kind). Zones are grouped by band so that
 * containment-only kinds never pay for distance searches. Pure computation over typed arrays; the
 * worker pool in server/screening splits the points across threads.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { PreparedPolygon } from '../geometry/prepared-polygon.ts';
import { ZoneIndex } from '../geometry/zone-index.ts';

export interface ZoneShape {
  kind: string;
  geometry: Polygon | MultiPolygon;
}

export interface HitArrays {
  point: Uint32Array<ArrayBuffer>;
  zone: Uint32Array<ArrayBuffer>;
  distance: Float64Array<ArrayBuffer>;
}

/** Growable columns of hits. */
export class HitBuffer {
  private n = 0;
  private point: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private zone: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private distance: Float64Array<ArrayBuffer> = new Float64Array(1024);

  push(p: number, z: number, d: number): void {
    if (this.n === this.point.length) {
      const grow = <T extends Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.point = grow(this.point);
      this.zone = grow(this.zone);
      this.distance = grow(this.distance);
    }
    this.point[this.n] = p;
    this.zone[this.n] = z;
    this.distance[this.n] = d;
    this.n++;
  }

  get length(): number {
    return this.n;
  }

  toArrays(): HitArrays {
    return { point: this.point.slice(0, this.n), zone: this.zone.slice(0, this.n), distance: this.distance.slice(0, this.n) };
  }
}

interface BandGroup {
  metres: number;
  index: ZoneIndex;
  /** Index of each group member in the caller's zone list. */
  zoneIds: Uint32Array;
}

export class ZoneHitFinder {
  private readonly groups: BandGroup[];

  constructor(zones: readonly ZoneShape[], bands: ReadonlyMap<string, number>) {
    const byBand = new Map<number, number[]>();
    zones.forEach((z, i) => {
      const metres = bands.get(z.kind) ?? 0;
      const list = byBand.get(metres) ?? [];
      list.push(i);
      byBand.set(metres, list);
    });
    this.groups = [...byBand].map(([metres, members]) => ({
      metres,
      index: new ZoneIndex(members.map((i) => new PreparedPolygon((zones[i] as ZoneShape).geometry))),
      zoneIds: Uint32Array.from(members),
    }));
  }

  /** Appends the hits of points start..end-1 to `out`. */
  find(lon: ArrayLike<number>, lat: ArrayLike<number>, start: number, end: number, out: HitBuffer): void {
    for (const g of this.groups) {
      const ids = g.zoneIds;
      if (g.metres === 0) {
        for (let p = start; p < end; p++)
          g.index.forEachContaining(lon[p] as number, lat[p] as number, (z) => out.push(p, ids[z] as number, 0));
      } else {
        for (let p = start; p < end; p++)
          g.index.forEachWithin(lon[p] as number, lat[p] as number, g.metres, (z, d) => out.push(p, ids[z] as number, d));
      }
    }
  }
}

/** Hits indexed by point (compressed sparse rows): point p's hits are start[p]..start[p+1]-1. */
export interface HitsByPoint {
  start: Uint32Array<ArrayBuffer>;
  zone: Uint32Array<ArrayBuffer>;
  distance: Float64Array<ArrayBuffer>;
}

/** Hits arrive ordered by worker and zone group; a counting sort indexes them by point. */
export function indexHitsByPoint(n: number, hits: HitArrays): HitsByPoint {
  const start = new Uint32Array(n + 1);
  for (const p of hits.point) start[p + 1] = (start[p + 1] as number) + 1;
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const zone = new Uint32Array(hits.point.length);
  const distance = new Float64Array(hits.point.length);
  for (let k = 0; k < hits.point.length; k++) {
    const slot = (fill[hits.point[k] as number] as number)++;
    zone[slot] = hits.zone[k] as number;
    distance[slot] = hits.distance[k] as number;
  }
  return { start, zone, distance };
}
