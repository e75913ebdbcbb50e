/**
 * Answers a request for a frozen file: one byte range (PMTiles readers ask for ranges; some
 * servers wrongly answer those with 200, which the pmtiles client then rejects), ETags from the
 * SHA-256 recorded at publish time, 304 for a matching If-None-Match, and the caching the caller
 * chooses. Open files are kept for reuse: a page load asks for the same archives dozens of times.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  pmtiles: 'application/vnd.pmtiles',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml',
};

const MAX_OPEN = 64;
const STREAM_ABOVE = 4 * 1024 * 1024;
const handles = new Map<string, Promise<FileHandle>>();

function handleOf(path: string): Promise<FileHandle> {
  let handle = handles.get(path);
  if (handle) {
    handles.delete(path);
    handles.set(path, handle);
    return handle;
  }
  handle = open(path, 'r');
  handle.catch(() => handles.delete(path));
  handles.set(path, handle);
  if (handles.size > MAX_OPEN) {
    const [oldest, evicted] = handles.entries().next().value as [string, Promise<FileHandle>];
    handles.delete(oldest);
    evicted.then((h) => h.close()).catch(() => undefined);
  }
  return handle;
}

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
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const range = c.req.header('range');
  let start = 0;
  let end = file.bytes - 1;
  let status = 200;
  if (range) {
    const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
    const from = match?.[1] ? Number(match[1]) : null;
    const to = match?.[2] ? Number(match[2]) : null;
    if (!match || (from === null && to === null)) return rangeNotSatisfiable(file, headers);
    if (from === null) start = Math.max(0, file.bytes - (to as number));
    else {
      start = from;
      if (to !== null) end = Math.min(to, file.bytes - 1);
    }
    if (start > end || start >= file.bytes) return rangeNotSatisfiable(file, headers);
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${file.bytes}`;
  }
  const length = end - start + 1;
  headers['content-length'] = String(length);
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });
  // Large files (a million-row CSV) stream; tiles and rows are read whole, which is faster.
  if (length > STREAM_ABOVE) {
    const stream = createReadStream(file.path, { start, end });
    return new Response(Readable.toWeb(stream) as ReadableStream, { status, headers });
  }
  const buffer = Buffer.allocUnsafe(length);
  const handle = await handleOf(file.path);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, start + read);
    if (bytesRead === 0) throw new Error(`${file.path} is shorter than its recorded ${file.bytes} bytes`);
    read += bytesRead;
  }
  return new Response(buffer, { status, headers });
}

function rangeNotSatisfiable(file: FrozenFile, headers: Record<string, string>): Response {
  return new Response(null, { status: 416, headers: { ...headers, 'content-range': `bytes */${file.bytes}` } });
}
