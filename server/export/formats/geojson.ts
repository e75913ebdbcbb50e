/** GeoJSON (RFC 7946: WGS84, no crs member), streamed feature by feature. */

import { FileSink } from './file-sink.ts';
import type { ExportResult, ExportTable } from './table.ts';

export async function writeGeoJson(path: string, table: ExportTable): Promise<ExportResult> {
  const names = table.columns.map((c) => c.name);
  const idIndex = names.indexOf('id');
  const sink = new FileSink(path);
  let rows = 0;
  try {
    await sink.write('{"type":"FeatureCollection","features":[\n');
    for await (const batch of table.rows()) {
      const parts: string[] = [];
      for (const row of batch) {
        const properties: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) properties[names[i] as string] = row.values[i] ?? null;
        const feature = {
          type: 'Feature',
          ...(idIndex >= 0 && row.values[idIndex] !== null ? { id: row.values[idIndex] } : {}),
          properties,
          geometry: row.geometry ?? null,
        };
        parts.push(`${rows === 0 && parts.length === 0 ? '' : ',\n'}${JSON.stringify(feature)}`);
      }
      rows += batch.length;
      await sink.write(parts.join(''));
    }
    await sink.write('\n]}\n');
    await sink.close();
  } catch (error) {
    sink.destroy();
    throw error;
  }
  return { rows, notes: [] };
}
