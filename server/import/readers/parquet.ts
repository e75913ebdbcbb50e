/**
 * Parquet and GeoParquet, read through DuckDB by db/parquet-file.ts. A GeoParquet file names its
 * geometry column; a plain Parquet file with a WKB column named geometry, geom, wkb or the_geom
 * has it read as WKB. The CRS comes from the GeoParquet metadata (PROJJSON; absent means
 * OGC:CRS84).
 */
import { wktToGeoJSON } from 'betterknown';
import type { Geometry } from 'geojson';
import { ParquetFile } from '../../db/parquet-file.ts';
import { reason } from '../../domain/reasons.ts';
import { type RawRecord, type Source, SourceError } from './record.ts';

const WKB_NAMES = ['geometry', 'geom', 'wkb', 'the_geom', 'wkb_geometry', 'shape'];

interface GeoMetadata {
  primary_column?: string;
  columns?: Record<string, { encoding?: string; crs?: unknown }>;
}

/** DuckDB's JS values as a spreadsheet would show them: BIGINT as number, DATE as YYYY-MM-DD. */
function plain(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));
  return value;
}

async function geoMetadata(file: ParquetFile): Promise<GeoMetadata | undefined> {
  const text = await file.geoMetadata();
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as GeoMetadata;
  } catch {
    return undefined;
  }
}

export async function readParquet(path: string, label: string): Promise<Source> {
  const file = await ParquetFile.open(path);
  const close = async () => file.close();
  try {
    let columns: { name: string; type: string }[];
    let geo: GeoMetadata | undefined;
    try {
      geo = await geoMetadata(file);
      columns = await file.columns();
    } catch (error) {
      throw new SourceError(
        label,
        null,
        reason('import_parquet_unreadable', { format: 'Parquet', detail: (error as Error).message.split('\n')[0] ?? '' }),
      );
    }
    const geometryColumn =
      columns.find((c) => c.name === geo?.primary_column && (c.type.startsWith('GEOMETRY') || c.type === 'BLOB')) ??
      columns.find((c) => c.type.startsWith('GEOMETRY')) ??
      columns.find((c) => c.type === 'BLOB' && WKB_NAMES.includes(c.name.toLowerCase()));
    const attributes = columns.filter((c) => c !== geometryColumn);
    const crsValue = geometryColumn ? geo?.columns?.[geometryColumn.name]?.crs : undefined;
    const crs =
      crsValue === undefined || crsValue === null ? undefined : typeof crsValue === 'string' ? crsValue : JSON.stringify(crsValue);
    const names = attributes.map((c) => c.name);
    const types = attributes.map((c) => c.type);

    async function* batches(): AsyncGenerator<RawRecord[]> {
      try {
        let row = 0;
        for await (const rows of file.rows(names, geometryColumn)) {
          const batch: RawRecord[] = [];
          for (const cells of rows) {
            row++;
            const values: Record<string, unknown> = {};
            for (let i = 0; i < names.length; i++) values[names[i] as string] = plain(cells[i], types[i] as string);
            if (!geometryColumn) {
              batch.push({ row, values });
              continue;
            }
            const wkt = cells[names.length];
            let geometry: Geometry | null = null;
            if (typeof wkt === 'string' && !/EMPTY$/i.test(wkt)) geometry = wktToGeoJSON(wkt) as Geometry | null;
            batch.push({ row, values, geometry });
          }
          yield batch;
        }
      } catch (error) {
        if (error instanceof SourceError) throw error;
        throw new SourceError(
          label,
          null,
          reason('import_parquet_failed', { format: 'Parquet', detail: `${(error as Error).message.split('\n')[0]}` }),
        );
      } finally {
        await close();
      }
    }
    return {
      info: {
        format: geo ? 'geoparquet' : 'parquet',
        headers: names,
        notes: [],
        ...(geometryColumn && geo ? { crs: crs ?? 'OGC:CRS84' } : {}),
      },
      batches: batches(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
