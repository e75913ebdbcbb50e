/**
 * Answers a request for a frozen file: one byte range (PMTiles readers ask for ranges; some
 * servers wrongly answer those with 200, which the pmtiles client then rejects), ETags from the
 * SHA-256 recorded at publish time, 304 for a matching If-None-Match, and the caching the caller
 * chooses. Frozen files never change, so the small ones — tile archives of a few tens of MB, row
 * chunks, meta — are kept in memory once read (up to a budget, least recently used out), and a tile
 * request costs a slice, not a read from disk. Large files (a million-row CSV) stream from disk.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  pmtiles: 'application/vnd.pmtiles',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Files up to this size are held in memory once read; the cache holds at most MEMORY_BUDGET. */
const KEEP_BELOW = 64 * 1024 * 1024;
const MEMORY_BUDGET = 512 * 1024 * 1024;

class FileMemory {
  private readonly files = new Map<string, { bytes: Promise<Buffer>; size: number; loaded?: Buffer }>();
  private held = 0;

  /** The file's bytes if they are already in memory; the frozen-file lane serves only those. */
  peek(path: string): Buffer | undefined {
    return this.files.get(path)?.loaded;
  }

  read(path: string, size: number): Promise<Buffer> {
    const hit = this.files.get(path);
    if (hit) {
      // Least recently used last.
      this.files.delete(path);
      this.files.set(path, hit);
      return hit.bytes;
    }
    const bytes = readFile(path);
    const entry: { bytes: Promise<Buffer>; size: number; loaded?: Buffer } = { bytes, size };
    bytes.then(
      (loaded) => {
        entry.loaded = loaded;
      },
      () => this.forget(path),
    );
    this.files.set(path, entry);
    this.held += size;
    while (this.held > MEMORY_BUDGET && this.files.size > 1) this.forget(this.files.keys().next().value as string);
    return bytes;
  }

  private forget(path: string): void {
    const entry = this.files.get(path);
    if (!entry) return;
    this.files.delete(path);
    this.held -= entry.size;
  }
}

export const memory = new FileMemory();

export interface FrozenFile {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

/** What a request for a frozen file is answered with: the status, headers and which bytes. */
export interface FrozenAnswer {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  /** The byte range to send, inclusive; absent when nothing is sent (304, 416, HEAD). */
  range?: { start: number; end: number };
}

export interface FrozenRequest {
  method: string;
  range: string | undefined;
  ifNoneMatch: string | undefined;
}

export function answerFrozen(file: FrozenFile, request: FrozenRequest, cacheControl: string): FrozenAnswer {
  const etag = `"${file.sha256.slice(0, 32)}"`;
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1);
  const headers: Record<string, string> = {
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'accept-ranges': 'bytes',
  };
  if (extension === 'csv') headers['content-disposition'] = `attachment; filename="${file.name}"`;
  if (request.ifNoneMatch === etag) return { status: 304, headers };
  const unsatisfiable = (): FrozenAnswer => ({ status: 416, headers: { ...headers, 'content-range': `bytes */${file.bytes}` } });
  let start = 0;
  let end = file.bytes - 1;
  let status: 200 | 206 = 200;
  if (request.range) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(request.range.trim());
    const from = match?.[1] ? Number(match[1]) : null;
    const to = match?.[2] ? Number(match[2]) : null;
    if (!match || (from === null && to === null)) return unsatisfiable();
    if (from === null) start = Math.max(0, file.bytes - (to as number));
    else {
      start = from;
      if (to !== null) end = Math.min(to, file.bytes - 1);
    }
    if (start > end || start >= file.bytes) return unsatisfiable();
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${file.bytes}`;
  }
  headers['content-length'] = String(end - start + 1);
  return request.method === 'HEAD' ? { status, headers } : { status, headers, range: { start, end } };
}

/** Whether a file is one kept in memory (the rest stream from disk). */
export const heldInMemory = (file: FrozenFile) => file.bytes < KEEP_BELOW;

export async function sendFile(c: Context, file: FrozenFile, cacheControl: string): Promise<Response> {
  const answer = answerFrozen(
    file,
    { method: c.req.method, range: c.req.header('range'), ifNoneMatch: c.req.header('if-none-match') },
    cacheControl,
  );
  const { status, headers, range } = answer;
  if (!range) return c.body(null, status, headers);
  if (!heldInMemory(file)) {
    const stream = createReadStream(file.path, range);
    return c.body(Readable.toWeb(stream) as ReadableStream, status as 200 | 206, headers);
  }
  const whole = await memory.read(file.path, file.bytes);
  if (whole.length !== file.bytes) throw new Error(`${file.path} holds ${whole.length} bytes, ${file.bytes} were recorded`);
  return c.body(whole.subarray(range.start, range.end + 1) as Uint8Array<ArrayBuffer>, status as 200 | 206, headers);
}
