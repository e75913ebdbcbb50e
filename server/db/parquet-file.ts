/**
 * Reading a Parquet file through DuckDB's read_parquet, in a private in-memory instance so that
 * reading never touches the database being imported into. DuckDB turns a GeoParquet WKB column
 * into its core GEOMETRY type; a BLOB column holding WKB is read with ST_GeomFromWKB.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from './duckdb.ts';

export interface ParquetColumn {
  name: string;
  /** DuckDB's type name: VARCHAR, BIGINT, GEOMETRY, BLOB, … */
  type: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class ParquetFile {
  private closed = false;

  private constructor(
    private readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<ParquetFile> {
    const instance = await DuckDBInstance.create(':memory:');
    return new ParquetFile(path, instance, await instance.connect());
  }

  /** The file's GeoParquet metadata (key `geo`) as text, if it has any. */
  async geoMetadata(): Promise<string | undefined> {
    const rows = (
      await this.conn.runAndReadAll("SELECT decode(value) AS v FROM parquet_kv_metadata($path) WHERE decode(key) = 'geo'", {
        path: this.path,
      })
    ).getRowObjectsJS();
    const text = rows[0]?.v;
    return typeof text === 'string' ? text : undefined;
  }

  async columns(): Promise<ParquetColumn[]> {
    return (await this.conn.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: this.path }))
      .getRowObjectsJS()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }

  /**
   * The rows in chunks, as the driver's JS values: the `attributes` columns in order, then, when a
   * geometry column is given, its geometry as WKT.
   */
  async *rows(attributes: readonly string[], geometry?: ParquetColumn): AsyncGenerator<unknown[][]> {
    const select = attributes.map(quote);
    if (geometry) {
      const g = quote(geometry.name);
      select.push(`ST_AsText(${geometry.type === 'BLOB' ? `ST_GeomFromWKB(${g})` : g}) AS __wkt`);
    }
    const result = await this.conn.stream(`SELECT ${select.join(', ')} FROM read_parquet($path)`, { path: this.path });
    yield* result.yieldRowsJs();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
