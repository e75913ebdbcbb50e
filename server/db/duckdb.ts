/**
 * The DuckDB driver's values, loaded with require. `@duckdb/node-api` is CommonJS of some 120 files;
 * imported as ESM, Node lexes each of them for its named exports, about a tenth of a second added to
 * every command and every start (README, "CLI start-up"). Types still come from the package itself.
 */
import { createRequire } from 'node:module';
import type * as NodeApi from '@duckdb/node-api';

const driver = createRequire(import.meta.url)('@duckdb/node-api') as typeof NodeApi;

export const {
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDataChunkWriter,
  DuckDBInstance,
  DuckDBTypeId,
  INTEGER,
  JSToDuckDBValueConverter,
  TIMESTAMP,
  VARCHAR,
  dateValue,
  listValue,
  timestampValue,
} = driver;

// The classes and enums are also types where they are used as such.
export type DuckDBDataChunk = NodeApi.DuckDBDataChunk;
export type DuckDBDataChunkWriter = NodeApi.DuckDBDataChunkWriter;
export type DuckDBInstance = NodeApi.DuckDBInstance;
export type DuckDBTypeId = NodeApi.DuckDBTypeId;
