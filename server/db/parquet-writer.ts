/**
 * Writing Parquet through DuckDB, in a private in-memory instance: rows are appended with the
 * geometry as WKT, cast to DuckDB's core GEOMETRY, and COPY writes Parquet with the GeoParquet
 * "geo" metadata (WKB encoding, geometry types, bbox; no crs member, which means OGC:CRS84).
 */
import { DuckDBDataChunkWriter, DuckDBInstance, JSToDuckDBValueConverter } from './duckdb.ts';

export type ParquetType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE';
/** DATE columns take Date objects at UTC midnight. */
export type ParquetValue = string | number | boolean | Date | null;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes `rows` (each the columns' values, then the geometry as WKT or null when `geometry`) to a
 * Parquet file at `path`, with a `geometry` column when asked; answers the number of rows.
 */
export async function writeParquet(
  path: string,
  columns: readonly { name: string; type: ParquetType }[],
  geometry: boolean,
  rows: AsyncIterable<readonly ParquetValue[]>,
): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const defs = columns.map((c) => `${quote(c.name)} ${c.type}`);
    if (geometry) defs.push('"__wkt" VARCHAR');
    await conn.run(`CREATE TABLE t (${defs.join(', ')})`);
    const appender = await conn.createAppender('t');
    let n = 0;
    try {
      const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
      for await (const row of rows) {
        writer.appendRow(row as ParquetValue[]);
        n++;
      }
      writer.flush();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const select = [...columns.map((c) => quote(c.name)), ...(geometry ? ['CAST("__wkt" AS GEOMETRY) AS geometry'] : [])];
    await conn.run(`COPY (SELECT ${select.join(', ')} FROM t) TO '${path.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
    return n;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
