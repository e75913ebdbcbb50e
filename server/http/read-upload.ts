/**
 * Reads a multipart upload with busboy, streaming its one file to the upload store and recording
 * it with the form fields once the body has ended; Hono's parseBody would hold the whole file in
 * memory.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import type { Context } from 'hono';
import { reason } from '../domain/reasons.ts';
import { ApiError } from './errors.ts';
import { type ReceivedFile, type Upload, type UploadStore, UploadTooLargeError } from './upload-store.ts';

export async function readUpload(c: Context, store: UploadStore): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw ApiError.because(415, reason('upload_not_multipart', { type: type || 'no content type' }));
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > store.maxBytes + 64 * 1024) {
    throw ApiError.because(
      413,
      reason('upload_too_large', { mib: Math.round(length / 2 ** 20), limit: Math.round(store.maxBytes / 2 ** 20) }),
    );
  }
  const body = c.req.raw.body;
  if (!body) throw ApiError.because(400, reason('upload_empty'));
  const fields: Record<string, string> = {};
  let receiving: Promise<ReceivedFile> | undefined;
  const parser = busboy({
    headers: { 'content-type': type },
    defParamCharset: 'utf8',
    limits: { files: 1, fields: 20, fieldSize: 8192, fileSize: store.maxBytes },
  });
  parser.on('field', (name, value) => {
    fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || receiving) {
      stream.resume();
      return;
    }
    receiving = store.receive(stream, info.filename || 'upload');
    // Keep the rejection for the await below, not an unhandled one meanwhile.
    receiving.catch(() => undefined);
  });
  try {
    await pipeline(Readable.fromWeb(body as NodeReadableStream), parser);
  } catch (error) {
    // A file written before the body broke would otherwise wait an hour for the sweep.
    await receiving?.then(
      (file) => store.remove(file.id),
      () => undefined,
    );
    throw ApiError.because(400, reason('upload_unreadable', { detail: (error as Error).message }));
  }
  if (!receiving) throw ApiError.because(400, reason('upload_no_file'));
  let file: ReceivedFile;
  try {
    file = await receiving;
  } catch (error) {
    if (error instanceof UploadTooLargeError)
      throw ApiError.because(413, reason('upload_file_too_large', { file: error.fileName, limit: error.limitMib }));
    throw error;
  }
  // Fields sent after the file are in `fields` too: the body has been read to its end.
  return store.keep(file, fields);
}
