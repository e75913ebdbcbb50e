/**
 * Finds where the rings of a polygon cross themselves or each other: two edges that pass through
 * one another, or that run along one another. Rings that merely touch themselves at a point (a
 * vertex on another vertex or on an edge) are valid and are not reported; real boundary data is
 * full of them.
 *
 * Edges are indexed by bounding box (flatbush) so large boundaries are checked in about
 * n log n; each candidate pair is decided with Shewchuk's exact orientation test.
 */
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

export interface Crossing {
  kind: 'cross' | 'overlap';
  /** Where, in the ring's own coordinates (the intersection point, or a shared stretch's start). */
  at: [number, number];
  /** Part (0 for a Polygon), ring within the part and edge within the ring, for both edges. */
  a: EdgeRef;
  b: EdgeRef;
}

export interface EdgeRef {
  part: number;
  ring: number;
  edge: number;
}

interface Edge extends EdgeRef {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  /** Edges in this ring, to recognise neighbours across the closing vertex. */
  ringEdges: number;
  ringId: number;
}

const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

function collectEdges(parts: readonly (readonly Position[][])[]): Edge[] {
  const edges: Edge[] = [];
  let ringId = 0;
  parts.forEach((rings, part) => {
    rings.forEach((ring, r) => {
      const n = ring.length - 1;
      for (let i = 0; i < n; i++) {
        const [ax = 0, ay = 0] = ring[i] as Position;
        const [bx = 0, by = 0] = ring[i + 1] as Position;
        if (ax === bx && ay === by) continue;
        edges.push({ part, ring: r, edge: i, ax, ay, bx, by, ringEdges: n, ringId });
      }
      ringId++;
    });
  });
  return edges;
}

function adjacent(e: Edge, f: Edge): boolean {
  if (e.ringId !== f.ringId) return false;
  const d = Math.abs(e.edge - f.edge);
  return d === 1 || d === e.ringEdges - 1;
}

/** Where two crossing segments meet, for the message; exactness is not needed here. */
function meetingPoint(e: Edge, f: Edge): [number, number] {
  const d = (e.bx - e.ax) * (f.by - f.ay) - (e.by - e.ay) * (f.bx - f.ax);
  const t = ((f.ax - e.ax) * (f.by - f.ay) - (f.ay - e.ay) * (f.bx - f.ax)) / d;
  return [e.ax + t * (e.bx - e.ax), e.ay + t * (e.by - e.ay)];
}

/** Collinear segments share more than a point: project on the longer axis and compare intervals. */
function sharedStretch(e: Edge, f: Edge): [number, number] | undefined {
  const useX = Math.abs(e.bx - e.ax) >= Math.abs(e.by - e.ay);
  const [e0, e1] = useX ? [Math.min(e.ax, e.bx), Math.max(e.ax, e.bx)] : [Math.min(e.ay, e.by), Math.max(e.ay, e.by)];
  const [f0, f1] = useX ? [Math.min(f.ax, f.bx), Math.max(f.ax, f.bx)] : [Math.min(f.ay, f.by), Math.max(f.ay, f.by)];
  const lo = Math.max(e0, f0);
  const hi = Math.min(e1, f1);
  if (hi <= lo) return undefined;
  const onF = (x: number, y: number) => (useX ? x === lo : y === lo);
  if (onF(e.ax, e.ay)) return [e.ax, e.ay];
  if (onF(e.bx, e.by)) return [e.bx, e.by];
  if (onF(f.ax, f.ay)) return [f.ax, f.ay];
  return [f.bx, f.by];
}

function test(e: Edge, f: Edge): Crossing | undefined {
  const o1 = sign(orient2d(e.ax, e.ay, e.bx, e.by, f.ax, f.ay));
  const o2 = sign(orient2d(e.ax, e.ay, e.bx, e.by, f.bx, f.by));
  const o3 = sign(orient2d(f.ax, f.ay, f.bx, f.by, e.ax, e.ay));
  const o4 = sign(orient2d(f.ax, f.ay, f.bx, f.by, e.bx, e.by));
  const ref = (x: Edge): EdgeRef => ({ part: x.part, ring: x.ring, edge: x.edge });
  if (o1 === 0 && o2 === 0) {
    const at = sharedStretch(e, f);
    return at ? { kind: 'overlap', at, a: ref(e), b: ref(f) } : undefined;
  }
  // Strictly opposite sides both ways: the edges pass through each other. A zero means an endpoint
  // lies on the other edge, which is a touch, allowed.
  if (o1 * o2 < 0 && o3 * o4 < 0) return { kind: 'cross', at: meetingPoint(e, f), a: ref(e), b: ref(f) };
  return undefined;
}

/** Every crossing, up to `limit` (one is enough to know a polygon needs repair; a few help the message). */
export function findCrossings(parts: readonly (readonly Position[][])[], limit = 10): Crossing[] {
  const edges = collectEdges(parts);
  const found: Crossing[] = [];
  if (edges.length < 3) return found;
  const index = new Flatbush(edges.length);
  for (const e of edges) index.add(Math.min(e.ax, e.bx), Math.min(e.ay, e.by), Math.max(e.ax, e.bx), Math.max(e.ay, e.by));
  index.finish();
  for (let i = 0; i < edges.length && found.length < limit; i++) {
    const e = edges[i] as Edge;
    const candidates = index.search(Math.min(e.ax, e.bx), Math.min(e.ay, e.by), Math.max(e.ax, e.bx), Math.max(e.ay, e.by));
    for (const j of candidates) {
      if (j <= i) continue;
      const f = edges[j] as Edge;
      if (adjacent(e, f)) {
        // Neighbours share a vertex; they are wrong only if one folds back along the other (a spike).
        const o = orient2d(
          e.ax,
          e.ay,
          e.bx,
          e.by,
          f.ax === e.bx && f.ay === e.by ? f.bx : f.ax,
          f.ax === e.bx && f.ay === e.by ? f.by : f.ay,
        );
        if (o !== 0) continue;
      }
      const crossing = test(e, f);
      if (crossing) {
        found.push(crossing);
        if (found.length >= limit) break;
      }
    }
  }
  return found;
}
