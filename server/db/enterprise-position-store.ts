/**
 * Every enterprise's position in id order, with its id read only when asked for. Exports that
 * write a row for some enterprises (zone hits: about four in ten) need positions for all and ids
 * for few; decoding a million id strings up front cost half a second and their garbage.
 * Positions and ids come from one query, so they always describe the same rows.
 */
import type { DuckDBDataChunk, DuckDBVarCharVector } from '@duckdb/node-api';
import bindings from '@duckdb/node-bindings';
import type { Queryable } from './database.ts';

export interface EnterprisePositions {
  lon: Float64Array;
  lat: Float64Array;
  /** The id of the enterprise at this position in id order. */
  id(index: number): string;
}

export async function enterprisePositionsById(q: Queryable): Promise<EnterprisePositions> {
  const result = await q.connection.run('SELECT lon, lat, id FROM enterprises ORDER BY id');
  const n = result.rowCount;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  // The chunks stay referenced: their id vectors read DuckDB's memory when an id is asked for.
  const chunks: DuckDBDataChunk[] = [];
  const ids: DuckDBVarCharVector[] = [];
  const starts = new Uint32Array(result.chunkCount + 1);
  let at = 0;
  for (let c = 0; c < result.chunkCount; c++) {
    const chunk = result.getChunk(c);
    chunks.push(chunk);
    // lon and lat are NOT NULL: the vectors' values are the whole story.
    lon.set(doubles(chunk, 0), at);
    lat.set(doubles(chunk, 1), at);
    ids.push(chunk.getColumnVector(2) as DuckDBVarCharVector);
    starts[c] = at;
    at += chunk.rowCount;
  }
  starts[result.chunkCount] = at;
  let chunk = 0;
  return {
    lon,
    lat,
    id(index: number): string {
      if (!(index >= 0 && index < n)) throw new Error(`enterprise position ${index} is out of range 0..${n - 1}`);
      // Callers mostly ask in order: start from the last chunk used, else search.
      if (index < (starts[chunk] as number) || index >= (starts[chunk + 1] as number)) {
        let lo = 0;
        let hi = chunks.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((starts[mid] as number) <= index) lo = mid;
          else hi = mid - 1;
        }
        chunk = lo;
      }
      // Ids are the primary key, never null.
      return (ids[chunk] as DuckDBVarCharVector).getItem(index - (starts[chunk] as number)) as string;
    },
  };
}

/** A DOUBLE column of a chunk, copied out of vector memory (which need not be aligned for a typed view). */
function doubles(chunk: DuckDBDataChunk, column: number): Float64Array {
  const bytes = bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, column), chunk.rowCount * 8);
  return new Float64Array(bytes.slice().buffer, 0, chunk.rowCount);
}
