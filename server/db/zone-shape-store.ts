/**
 * Zones as the zone-hit finder needs them: id, kind and polygon, nothing else. Geometry is read as
 * WKB and decoded here: parsing the WKT text of `listZones` cost about a second for 3,000 reserves
 * of 250 vertices, and WKB carries the stored doubles exactly.
 */
import type { DuckDBBlobValue } from '@duckdb/node-api';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZoneKind } from '../domain/zone.ts';
import type { Queryable } from './database.ts';

export interface ZoneShapeRow {
  id: string;
  kind: ZoneKind;
  geometry: Polygon | MultiPolygon;
}

/** Every zone, in the order of `listZones` (kind, then id). */
export async function listZoneShapes(q: Queryable): Promise<ZoneShapeRow[]> {
  const result = await q.connection.run('SELECT id, kind, ST_AsWKB(geometry)::BLOB AS wkb FROM zones ORDER BY kind, id');
  const out: ZoneShapeRow[] = [];
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    const ids = chunk.getColumnValues(0) as string[];
    const kinds = chunk.getColumnValues(1) as ZoneKind[];
    const wkbs = chunk.getColumnValues(2) as DuckDBBlobValue[];
    for (let r = 0; r < chunk.rowCount; r++) {
      const id = ids[r] as string;
      out.push({ id, kind: kinds[r] as ZoneKind, geometry: decodeWkb((wkbs[r] as DuckDBBlobValue).bytes, id) });
    }
  }
  return out;
}

const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

/** Decodes a 2-D WKB Polygon or MultiPolygon; anything else is refused, naming the zone. */
export function decodeWkb(bytes: Uint8Array, zoneId: string): Polygon | MultiPolygon {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const header = (): { little: boolean; type: number } => {
    const little = view.getUint8(at) === 1;
    const type = view.getUint32(at + 1, little);
    at += 5;
    return { little, type };
  };
  const count = (little: boolean) => {
    const n = view.getUint32(at, little);
    at += 4;
    return n;
  };
  const polygon = (little: boolean): Position[][] => {
    const rings: Position[][] = new Array(count(little));
    for (let r = 0; r < rings.length; r++) {
      const ring: Position[] = new Array(count(little));
      for (let p = 0; p < ring.length; p++) {
        ring[p] = [view.getFloat64(at, little), view.getFloat64(at + 8, little)];
        at += 16;
      }
      rings[r] = ring;
    }
    return rings;
  };
  const { little, type } = header();
  if (type === WKB_POLYGON) return { type: 'Polygon', coordinates: polygon(little) };
  if (type === WKB_MULTIPOLYGON) {
    const parts: Position[][][] = new Array(count(little));
    for (let i = 0; i < parts.length; i++) {
      const part = header();
      if (part.type !== WKB_POLYGON)
        throw new Error(`zone ${zoneId}: stored MultiPolygon part ${i + 1} has WKB type ${part.type}, not a polygon`);
      parts[i] = polygon(part.little);
    }
    return { type: 'MultiPolygon', coordinates: parts };
  }
  throw new Error(`zone ${zoneId}: stored geometry has WKB type ${type}, not a 2-D Polygon or MultiPolygon`);
}
