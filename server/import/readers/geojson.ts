/** GeoJSON FeatureCollection, Feature or bare geometry. The legacy `crs` member is honoured. */
import { readFile, stat } from 'node:fs/promises';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { reason } from '../../domain/reasons.ts';
import { formatMiB, importLimits } from '../limits.ts';
import { MAX_FEATURE_DEPTH, tooDeep } from './json-nesting.ts';
import { BATCH_SIZE, type RawRecord, type Source, SourceError } from './record.ts';

interface LegacyCrs {
  crs?: { type?: string; properties?: { name?: string; code?: number } };
}

/** Builds a Source from features already in memory (GeoJSON and KML). */
export function featureSource(features: readonly Feature[], info: Omit<Source['info'], 'headers'>): Source {
  // A feature's own id stands in for an id property (RFC 7946 puts it outside properties).
  const headers = [...new Set(features.flatMap((f) => [...(f.id !== undefined ? ['id'] : []), ...Object.keys(f.properties ?? {})]))];
  async function* batches(): AsyncGenerator<RawRecord[]> {
    for (let from = 0; from < features.length; from += BATCH_SIZE) {
      yield features.slice(from, from + BATCH_SIZE).map((f, i) => {
        const values: Record<string, unknown> = { ...(f.properties ?? {}) };
        if (f.id !== undefined && values.id === undefined) values.id = f.id;
        return { row: from + i + 1, values, geometry: f.geometry ?? null };
      });
    }
  }
  return { info: { ...info, headers }, batches: batches(), close: async () => undefined };
}

export async function readGeoJson(path: string, label = path): Promise<Source> {
  const { maxDocumentBytes } = importLimits();
  const { size } = await stat(path);
  if (size > maxDocumentBytes) {
    throw new SourceError(
      label,
      null,
      reason('import_document_too_large', {
        size: formatMiB(size),
        limit: formatMiB(maxDocumentBytes),
        format: 'GeoJSON',
        setting: 'GREENLINE_MAX_DOCUMENT_MB',
      }),
    );
  }
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new SourceError(label, null, reason('import_file_empty'));
  const deep = tooDeep(text);
  if (deep) {
    throw new SourceError(
      label,
      deep.feature,
      reason('import_json_too_deep', { feature: deep.feature ?? 0, depth: deep.depth, limit: MAX_FEATURE_DEPTH }),
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceError(label, null, reason('import_json_invalid', { format: 'JSON', detail: (error as Error).message }));
  }
  const features = toFeatures(json, label);
  const legacy = (json as LegacyCrs).crs;
  // Old GDAL writes {"type":"EPSG","properties":{"code":4547}} instead of a name.
  const crs = legacy?.properties?.name ?? (legacy?.properties?.code !== undefined ? `EPSG:${legacy.properties.code}` : undefined);
  return featureSource(features, { format: 'geojson', notes: [], ...(crs ? { crs } : {}) });
}

function toFeatures(json: unknown, label: string): Feature[] {
  const obj = json as { type?: string };
  switch (obj?.type) {
    case 'FeatureCollection': {
      const features = (json as FeatureCollection).features;
      if (!Array.isArray(features))
        throw new SourceError(label, null, reason('import_geojson_no_features', { type: 'FeatureCollection', member: 'features' }));
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
      throw new SourceError(label, null, reason('import_geojson_type', { format: 'GeoJSON', type: String(obj?.type) }));
  }
}
