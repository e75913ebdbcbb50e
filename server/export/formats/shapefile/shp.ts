/**
 * Shape records of the .shp and the index entries of the .shx (ESRI Shapefile Technical
 * Description, 1998). Big-endian record headers, little-endian content. Polygon shells are
 * written clockwise and holes counter-clockwise, as the format wants: the reverse of RFC 7946.
 */
import type { Position } from 'geojson';
import { signedArea2 } from '../../../domain/geometry/rewind.ts';
import type { ExportGeometry } from '../table.ts';

export const SHAPE_NULL = 0;
export const SHAPE_POINT = 1;
export const SHAPE_POLYGON = 5;

export type BBox = [number, number, number, number];

/** Rings of a polygon in shapefile winding. */
function shapefileRings(g: Exclude<ExportGeometry, { type: 'Point' }>): Position[][] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rings: Position[][] = [];
  for (const part of parts) {
    part.forEach((ring, i) => {
      const clockwise = signedArea2(ring) < 0;
      rings.push(clockwise === (i === 0) ? ring : [...ring].reverse());
    });
  }
  return rings;
}

/** The bytes of a record's content (without its 8-byte header). */
export function shapeContent(g: ExportGeometry | null | undefined): Buffer {
  if (!g) {
    const out = Buffer.alloc(4);
    out.writeInt32LE(SHAPE_NULL, 0);
    return out;
  }
  if (g.type === 'Point') {
    const out = Buffer.alloc(20);
    out.writeInt32LE(SHAPE_POINT, 0);
    out.writeDoubleLE(g.coordinates[0] ?? 0, 4);
    out.writeDoubleLE(g.coordinates[1] ?? 0, 12);
    return out;
  }
  const rings = shapefileRings(g);
  const points = rings.reduce((n, r) => n + r.length, 0);
  const out = Buffer.alloc(44 + 4 * rings.length + 16 * points);
  const box = bboxOf(g);
  out.writeInt32LE(SHAPE_POLYGON, 0);
  box.forEach((v, i) => {
    out.writeDoubleLE(v, 4 + i * 8);
  });
  out.writeInt32LE(rings.length, 36);
  out.writeInt32LE(points, 40);
  let start = 0;
  rings.forEach((r, i) => {
    out.writeInt32LE(start, 44 + i * 4);
    start += r.length;
  });
  let at = 44 + 4 * rings.length;
  for (const ring of rings) {
    for (const [x = 0, y = 0] of ring) {
      out.writeDoubleLE(x, at);
      out.writeDoubleLE(y, at + 8);
      at += 16;
    }
  }
  return out;
}

export function bboxOf(g: ExportGeometry): BBox {
  if (g.type === 'Point') {
    const [x = 0, y = 0] = g.coordinates;
    return [x, y, x, y];
  }
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const part of parts) {
    for (const ring of part) {
      for (const [x = 0, y = 0] of ring) {
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
    }
  }
  return box;
}

export function mergeBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** The 100-byte header shared by .shp and .shx; lengths are in 16-bit words. */
export function shpHeader(shapeType: number, fileBytes: number, box: BBox): Buffer {
  const out = Buffer.alloc(100);
  out.writeInt32BE(9994, 0);
  out.writeInt32BE(fileBytes / 2, 24);
  out.writeInt32LE(1000, 28);
  out.writeInt32LE(shapeType, 32);
  const finite = box.every(Number.isFinite) ? box : [0, 0, 0, 0];
  finite.forEach((v, i) => {
    out.writeDoubleLE(v, 36 + i * 8);
  });
  return out;
}

export function recordHeader(recordNumber: number, contentBytes: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeInt32BE(recordNumber, 0);
  out.writeInt32BE(contentBytes / 2, 4);
  return out;
}
