/** GeoJSON FeatureCollection, Feature or bare geometry. The legacy `crs` member is honoured. */
import { readFile } from 'node:fs/promises';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { RawRecord, Source } from './record.ts';

interface LegacyCrs {
  crs?: { type?: string; properties?: { name?: string } };
}

export async function readGeoJson(path: string, label = path): Promise<Source> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${label}: not valid JSON (${(error as Error).message})`);
  }
  const features = toFeatures(json, label);
  // A feature's own id stands in for an id property (RFC 7946 puts it outside properties).
  const headers = [...new Set(features.flatMap((f) => [...(f.id !== undefined ? ['id'] : []), ...Object.keys(f.properties ?? {})]))];
  const crs = (json as LegacyCrs).crs?.properties?.name;
  async function* records(): AsyncGenerator<RawRecord> {
    let row = 0;
    for (const f of features) {
      row++;
      const values: Record<string, unknown> = { ...(f.properties ?? {}) };
      if (f.id !== undefined && values.id === undefined) values.id = f.id;
      yield { row, values, geometry: f.geometry ?? null };
    }
  }
  return { info: { format: 'geojson', headers, ...(crs ? { crs } : {}) }, records: records() };
}

function toFeatures(json: unknown, label: string): Feature[] {
  const obj = json as { type?: string };
  switch (obj?.type) {
    case 'FeatureCollection': {
      const features = (json as FeatureCollection).features;
      if (!Array.isArray(features)) throw new Error(`${label}: FeatureCollection has no "features" array`);
      return features;
    }
    case 'Feature':
      return [json as Feature];
    case 'Point':
    case 'MultiPoint':
    case 'Polygon':
    case 'MultiPolygon':
    case 'LineString':
    case 'MultiLineString':
    case 'GeometryCollection':
      return [{ type: 'Feature', properties: {}, geometry: json as Geometry }];
    default:
      throw new Error(`${label}: expected a GeoJSON FeatureCollection, Feature or geometry, found type "${String(obj?.type)}"`);
  }
}
