/**
 * Bulk loading through DuckDB's appender, one to two orders of magnitude faster than INSERT
 * statements. Records are objects keyed by column name; the column list fixes the order the
 * appender expects (every column of the table, in table order). Values go into data chunks as
 * raw columns: DuckDB's generic JS converter costs about twice as much per value. Between chunks
 * the event loop gets a turn (event-loop.ts): a million-row append never holds the server still.
 */
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import { yieldToEventLoop } from '../event-loop.ts';
import type { Queryable } from './database.ts';
import {
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDataChunkWriter,
  dateValue,
  INTEGER,
  JSToDuckDBValueConverter,
  TIMESTAMP,
  timestampValue,
  VARCHAR,
} from './duckdb.ts';
import type { Columns, ColumnType } from './tables.ts';

type JSValue = string | number | boolean | Date | null;

const CHUNK_ROWS = 2048;
/** Chunks appended between two flushes of an appender (appendColumns). */
const FLUSH_CHUNKS = 64;
const MS_PER_DAY = 86_400_000;

const DUCK_TYPES: Record<ColumnType, DuckDBType> = {
  VARCHAR,
  INTEGER,
  DOUBLE,
  BOOLEAN,
  DATE,
  TIMESTAMP,
  // JSON is VARCHAR on the wire; the column's type makes it JSON.
  JSON: VARCHAR,
};

function toDuck(value: unknown, type: ColumnType): DuckDBValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'JSON':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'DATE': {
      // 'YYYY-MM-DD' strings are calendar dates; read as UTC so they never shift a day.
      const ms = typeof value === 'string' ? Date.parse(`${value}T00:00:00Z`) : (value as Date).getTime();
      return dateValue(Math.floor(ms / MS_PER_DAY));
    }
    case 'TIMESTAMP': {
      const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
      return timestampValue(BigInt(ms) * 1000n);
    }
    default:
      return value as DuckDBValue;
  }
}

export async function appendRecords(q: Queryable, table: string, columns: Columns, records: Iterable<object>): Promise<number> {
  const appender = await q.connection.createAppender(table);
  const types = columns.map(([, type]) => DUCK_TYPES[type]);
  const buffers: DuckDBValue[][] = columns.map(() => []);
  let rows = 0;
  let count = 0;
  const flush = () => {
    if (rows === 0) return;
    const chunk = DuckDBDataChunk.create(types, rows);
    chunk.setColumns(buffers);
    appender.appendDataChunk(chunk);
    for (const b of buffers) b.length = 0;
    rows = 0;
  };
  try {
    for (const record of records) {
      const r = record as Record<string, unknown>;
      for (let c = 0; c < columns.length; c++) {
        const [name, type] = columns[c] as (typeof columns)[number];
        (buffers[c] as DuckDBValue[]).push(toDuck(r[name], type));
      }
      rows++;
      count++;
      if (rows === CHUNK_ROWS) {
        flush();
        await yieldToEventLoop();
      }
    }
    flush();
    appender.flushSync();
    return count;
  } finally {
    appender.closeSync();
  }
}

/**
 * Appends columns that are already arrays of primitives (numbers, strings, booleans), such as
 * typed arrays of indexes and distances: no object per row at all. An Int32Array (or a
 * Uint32Array of values below 2³¹) for an INTEGER column and a Float64Array for a DOUBLE column
 * are copied into the chunk's vector memory as they are, without a conversion per value.
 */
export async function appendColumns(
  q: Queryable,
  table: string,
  columns: Columns,
  data: readonly ArrayLike<string | number | boolean | null>[],
): Promise<number> {
  const n = data[0]?.length ?? 0;
  const types = columns.map(([, type]) => DUCK_TYPES[type]);
  const raw = columns.map(([, type], c) => {
    const column = data[c];
    return (
      (type === 'INTEGER' && (column instanceof Int32Array || column instanceof Uint32Array)) ||
      (type === 'DOUBLE' && column instanceof Float64Array)
    );
  });
  const appender = await q.connection.createAppender(table);
  try {
    for (let from = 0; from < n; from += CHUNK_ROWS) {
      const to = Math.min(n, from + CHUNK_ROWS);
      const chunk = DuckDBDataChunk.create(types, to - from);
      for (const [c, column] of data.entries()) {
        if (raw[c]) {
          const typed = column as Int32Array | Uint32Array | Float64Array;
          const width = typed.BYTES_PER_ELEMENT;
          const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
          bindings.copy_data_to_vector(vector, 0, typed.buffer as ArrayBuffer, typed.byteOffset + from * width, (to - from) * width);
        } else {
          chunk.setColumnValues(c, Array.prototype.slice.call(column, from, to) as DuckDBValue[]);
        }
      }
      appender.appendDataChunk(chunk);
      // A flush writes what was appended into the table, synchronously: one at the end of millions
      // of rows would hold the event loop for seconds, so a few hundred thousand rows at a time.
      if ((from / CHUNK_ROWS + 1) % FLUSH_CHUNKS === 0) appender.flushSync();
      await yieldToEventLoop();
    }
    appender.flushSync();
    return n;
  } finally {
    appender.closeSync();
  }
}

/**
 * A temp table of exactly these columns, filled from them (appendColumns): the column list is
 * written once, for both the table and its rows.
 */
export async function stageColumns(
  q: Queryable,
  table: string,
  columns: Columns,
  data: readonly ArrayLike<string | number | boolean | null>[],
): Promise<number> {
  await q.run(`CREATE OR REPLACE TEMP TABLE ${table} (${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`);
  return appendColumns(q, table, columns, data);
}

/**
 * Appends rows already in the table's column order with values the appender takes as they are
 * (strings, numbers, booleans, Dates, JSON as text, null): the fast path for million-row imports,
 * with no per-value conversion.
 */
export async function appendRows(q: Queryable, table: string, rows: readonly (readonly unknown[])[]): Promise<number> {
  if (rows.length === 0) return 0;
  const appender = await q.connection.createAppender(table);
  try {
    const writer = DuckDBDataChunkWriter.forAppender(appender, { converter: JSToDuckDBValueConverter });
    for (let i = 0; i < rows.length; i++) {
      writer.appendRow(rows[i] as JSValue[]);
      if ((i + 1) % CHUNK_ROWS === 0) await yieldToEventLoop();
    }
    writer.flush();
    appender.flushSync();
    return rows.length;
  } finally {
    appender.closeSync();
  }
}
