/**
 * Reads a query's result as columns, for the million-row reads of screening. DuckDB's generic
 * `getColumns` converts value by value and tests each row's validity with BigInt arithmetic; here
 * INTEGER and DOUBLE columns are copied out of each chunk's vector memory as typed arrays, and
 * validity is read a byte (eight rows) at a time. Text goes through the generic path, which is
 * as fast as decoding UTF-8 gets.
 *
 * Each column is read as the caller declares it, and a column whose DuckDB type does not match
 * the declaration is refused rather than misread.
 */

import type { DuckDBDataChunk } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import type { Params, Queryable } from './database.ts';
import { DuckDBTypeId } from './duckdb.ts';

/**
 * int32 / float64: typed arrays, a null reads as 0 / NaN (for columns that are never null);
 * bool8: a Uint8Array of 0 (false), 1 (true) or NULL_BOOL8;
 * int32? / float64? / boolean?: plain arrays with nulls; text: strings with nulls.
 */
export type ColumnKind = 'int32' | 'float64' | 'bool8' | 'int32?' | 'float64?' | 'boolean?' | 'text';

type ColumnOf<K extends ColumnKind> = K extends 'int32'
  ? Int32Array<ArrayBuffer>
  : K extends 'float64'
    ? Float64Array<ArrayBuffer>
    : K extends 'bool8'
      ? Uint8Array<ArrayBuffer>
      : K extends 'int32?' | 'float64?'
        ? (number | null)[]
        : K extends 'boolean?'
          ? (boolean | null)[]
          : (string | null)[];

export type Columns<K extends readonly ColumnKind[]> = { [I in keyof K]: ColumnOf<K[I]> };

const EXPECTED: Record<ColumnKind, DuckDBTypeId> = {
  int32: DuckDBTypeId.INTEGER,
  float64: DuckDBTypeId.DOUBLE,
  bool8: DuckDBTypeId.BOOLEAN,
  'int32?': DuckDBTypeId.INTEGER,
  'float64?': DuckDBTypeId.DOUBLE,
  'boolean?': DuckDBTypeId.BOOLEAN,
  text: DuckDBTypeId.VARCHAR,
};

/** A null in a bool8 column. */
export const NULL_BOOL8 = 2;

export async function readColumns<const K extends readonly ColumnKind[]>(
  q: Queryable,
  sql: string,
  kinds: K,
  params?: Params,
): Promise<Columns<K>> {
  const result = await q.connection.run(sql, params);
  // An empty result may come back with no columns at all; every declared column is then empty.
  const n = result.rowCount;
  if (n > 0 && result.columnCount !== kinds.length) {
    throw new Error(`readColumns: the query returns ${result.columnCount} columns, ${kinds.length} were declared`);
  }
  kinds.forEach((kind, c) => {
    if (n > 0 && result.columnTypeId(c) !== EXPECTED[kind]) {
      throw new Error(`readColumns: column ${c} (${result.columnName(c)}) is ${DuckDBTypeId[result.columnTypeId(c)]}, declared ${kind}`);
    }
  });
  const out = kinds.map((kind) => allocate(kind, n));
  let at = 0;
  for (let i = 0; i < result.chunkCount; i++) {
    const chunk = result.getChunk(i);
    const rows = chunk.rowCount;
    for (const [c, kind] of kinds.entries()) copyColumn(chunk, c, kind, out[c] as Column, at, rows);
    at += rows;
    // Other requests are answered between chunks: five million rows of text take seconds to decode.
    if (i % CHUNKS_PER_TURN === CHUNKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return out as unknown as Columns<K>;
}

/** Chunks (2,048 rows each) copied between two turns of the event loop. */
const CHUNKS_PER_TURN = 16;

type Column = Int32Array | Float64Array | Uint8Array | (number | null)[] | (boolean | null)[] | (string | null)[];

function allocate(kind: ColumnKind, n: number): Column {
  if (kind === 'int32') return new Int32Array(n);
  if (kind === 'float64') return new Float64Array(n);
  if (kind === 'bool8') return new Uint8Array(n);
  return new Array(n).fill(null);
}

const WIDTH: Record<Exclude<ColumnKind, 'text'>, number> = { int32: 4, 'int32?': 4, float64: 8, 'float64?': 8, bool8: 1, 'boolean?': 1 };

function copyColumn(chunk: DuckDBDataChunk, c: number, kind: ColumnKind, into: Column, at: number, rows: number): void {
  if (kind === 'text') {
    const values = chunk.getColumnValues(c) as (string | null)[];
    for (let r = 0; r < rows; r++) (into as (string | null)[])[at + r] = values[r] ?? null;
    return;
  }
  const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
  const bytes = bindings.vector_get_data(vector, rows * WIDTH[kind]);
  const validity = bindings.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
  const valid = (r: number) => !validity || ((validity[r >> 3] as number) >> (r & 7)) & 1;
  if (kind === 'bool8' || kind === 'boolean?') {
    const out = into as Uint8Array | (boolean | null)[];
    for (let r = 0; r < rows; r++) {
      if (kind === 'bool8') out[at + r] = valid(r) ? (bytes[r] !== 0 ? 1 : 0) : NULL_BOOL8;
      else out[at + r] = valid(r) ? bytes[r] !== 0 : null;
    }
    return;
  }
  // Vector memory need not be aligned for a typed view: the bytes are copied first.
  const values =
    kind === 'int32' || kind === 'int32?' ? new Int32Array(bytes.slice().buffer, 0, rows) : new Float64Array(bytes.slice().buffer, 0, rows);
  if (kind === 'int32?' || kind === 'float64?') {
    for (let r = 0; r < rows; r++) (into as (number | null)[])[at + r] = valid(r) ? (values[r] as number) : null;
    return;
  }
  const typed = into as Int32Array | Float64Array;
  typed.set(values, at);
  if (validity) for (let r = 0; r < rows; r++) if (!valid(r)) typed[at + r] = kind === 'int32' ? 0 : Number.NaN;
}
