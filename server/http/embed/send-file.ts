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

/** Files up to this size are held in memory once read; the cache holds at most MEMORY_BUDGET. */
const KEEP_BELOW = 64 * 1024 * 1024;
const MEMORY_BUDGET = 512 * 1024 * 1024;

class FileMemory {
  private readonly files = new Map<string, { bytes: Promise<Buffer>; size: number }>();
  private held = 0;

  read(path: string, size: number): Promise<Buffer> {
    const hit = this.files.get(path);
    if (hit) {
      // Least recently used last.
      this.files.delete(path);
      this.files.set(path, hit);
      return hit.bytes;
    }
    const bytes = readFile(path);
    bytes.catch(() => this.forget(path));
    this.files.set(path, { bytes, size });
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

const memory = new FileMemory();

export interface FrozenFile {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

export async function sendFile(c: Context, file: FrozenFile, cacheControl: string): Promise<Response> {
  const etag = `"${file.sha256.slice(0, 32)}"`;
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1);
  const headers: Record<string, string> = {
    'content-type': TYPES[extension] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'accept-ranges': 'bytes',
  };
  if (extension === 'csv') headers['content-disposition'] = `attachment; filename="${file.name}"`;
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  const range = c.req.header('range');
  let start = 0;
  let end = file.bytes - 1;
  let status: 200 | 206 = 200;
  if (range) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    const from = match?.[1] ? Number(match[1]) : null;
    const to = match?.[2] ? Number(match[2]) : null;
    if (!match || (from === null && to === null)) return rangeNotSatisfiable(c, file, headers);
    if (from === null) start = Math.max(0, file.bytes - (to as number));
    else {
      start = from;
      if (to !== null) end = Math.min(to, file.bytes - 1);
    }
    if (start > end || start >= file.bytes) return rangeNotSatisfiable(c, file, headers);
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${file.bytes}`;
  }
  headers['content-length'] = String(end - start + 1);
  if (c.req.method === 'HEAD') return c.body(null, status, headers);
  if (file.bytes >= KEEP_BELOW) {
    const stream = createReadStream(file.path, { start, end });
    return c.body(Readable.toWeb(stream) as ReadableStream, status, headers);
  }
  const whole = await memory.read(file.path, file.bytes);
  if (whole.length !== file.bytes) throw new Error(`${file.path} holds ${whole.length} bytes, ${file.bytes} were recorded`);
  return c.body(whole.subarray(start, end + 1) as Uint8Array<ArrayBuffer>, status, headers);
}

function rangeNotSatisfiable(c: Context, file: FrozenFile, headers: Record<string, string>): Response {
  return c.body(null, 416, { ...headers, 'content-range': `bytes */${file.bytes}` });
}
