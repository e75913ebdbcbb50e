/** Picks a reader by file extension. */
import { extname } from 'node:path';
import { readCsv } from './csv.ts';
import { readGeoJson } from './geojson.ts';
import type { Source } from './record.ts';

export const SUPPORTED_EXTENSIONS = ['.csv', '.txt', '.geojson', '.json'] as const;

export async function openSource(path: string, label = path): Promise<Source> {
  const ext = extname(label || path).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
      return readCsv(path);
    case '.geojson':
    case '.json':
      return readGeoJson(path, label);
    default:
      throw new Error(`${label}: unsupported file type "${ext || '(none)'}"; expected one of ${SUPPORTED_EXTENSIONS.join(', ')}`);
  }
}
