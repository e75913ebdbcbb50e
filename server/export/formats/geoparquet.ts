/**
 * GeoParquet through DuckDB, in a private in-memory instance: rows are appended with the
 * geometry as WKT, cast to DuckDB's core GEOMETRY, and COPY writes Parquet with the GeoParquet
 * "geo" metadata (WKB encoding, geometry types, bbox; no crs member, which means OGC:CRS84).
 */
import { DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter } from '@duckdb/node-api';
import { geoJSONToWkt } from 'betterknown';
import type { ExportColumnType, ExportResult, ExportTable } from './table.ts';

const SQL_TYPES: Record<ExportColumnType, string> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function writeGeoParquet(path: string, table: ExportTable): Promise<ExportResult> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const defs = table.columns.map((c) => `${quote(c.name)} ${SQL_TYPES[c.type]}`);
    if (table.geometry) defs.push('"__wkt" VARCHAR');
    await conn.run(`CREATE TABLE t (${defs.join(', ')})`);
    const appender = await conn.createAppender('t');
    let rows = 0;
    try {
      const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
      for await (const batch of table.rows()) {
        for (const row of batch) {
          const values = table.columns.map((c, i) => {
            const v = row.values[i] ?? null;
            // DATE columns take Date objects at UTC midnight; the calendar date must not shift.
            return c.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v;
          });
          if (table.geometry) values.push(row.geometry ? geoJSONToWkt(row.geometry) : null);
          writer.appendRow(values as (string | number | boolean | Date | null)[]);
          rows++;
        }
      }
      writer.flush();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const select = [...table.columns.map((c) => quote(c.name)), ...(table.geometry ? ['CAST("__wkt" AS GEOMETRY) AS geometry'] : [])];
    await conn.run(`COPY (SELECT ${select.join(', ')} FROM t) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
    return { rows, notes: [] };
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
