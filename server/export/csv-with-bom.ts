/**
 * CSV written by DuckDB's COPY (fast, RFC 4180 quoting) with a UTF-8 byte-order mark in front:
 * without it, Excel on Chinese Windows reads UTF-8 as GBK and garbles every name.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Params, Queryable } from '../db/database.ts';

export async function copyCsvWithBom(q: Queryable, select: string, params: Params | undefined, out: string): Promise<void> {
  const raw = `${out}.nobom`;
  try {
    await q.run(`COPY (${select}) TO '${raw.replace(/'/g, "''")}' (FORMAT csv, HEADER true)`, params);
    const target = createWriteStream(out);
    target.write('\uFEFF');
    await pipeline(createReadStream(raw), target);
  } finally {
    await rm(raw, { force: true });
  }
}
