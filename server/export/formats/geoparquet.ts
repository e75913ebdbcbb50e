/**
 * GeoParquet: the table's rows with the geometry as WKT, written by db/parquet-writer.ts through
 * DuckDB, which stores it as WKB with the GeoParquet "geo" metadata (no crs member, which means
 * OGC:CRS84).
 */
import { geoJSONToWkt } from 'betterknown';
import { type ParquetType, type ParquetValue, writeParquet } from '../../db/parquet-writer.ts';
import type { ExportColumnType, ExportResult, ExportTable } from './table.ts';

const PARQUET_TYPES: Record<ExportColumnType, ParquetType> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

export async function writeGeoParquet(path: string, table: ExportTable): Promise<ExportResult> {
  const columns = table.columns.map((c) => ({ name: c.name, type: PARQUET_TYPES[c.type] }));
  const rows = await writeParquet(path, columns, Boolean(table.geometry), values(table));
  return { rows, notes: [] };
}

async function* values(table: ExportTable): AsyncGenerator<ParquetValue[]> {
  for await (const batch of table.rows()) {
    for (const row of batch) {
      const values = table.columns.map((c, i) => {
        const v = row.values[i] ?? null;
        // DATE columns take Date objects at UTC midnight; the calendar date must not shift.
        return c.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
      });
      if (table.geometry) values.push(row.geometry ? geoJSONToWkt(row.geometry) : null);
      yield values as ParquetValue[];
    }
  }
}
