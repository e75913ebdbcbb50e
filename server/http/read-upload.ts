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
import { ApiError } from './errors.ts';
import { type ReceivedFile, type Upload, type UploadStore, UploadTooLargeError } from './upload-store.ts';

export async function readUpload(c: Context, store: UploadStore): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data'))
    throw new ApiError(415, `expected a multipart/form-data upload, got "${type || 'no content type'}"`);
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > store.maxBytes + 64 * 1024) {
    throw new ApiError(
      413,
      `the upload is ${Math.round(length / 2 ** 20)} MiB, more than the limit of ${Math.round(store.maxBytes / 2 ** 20)} MiB (GREENLINE_MAX_UPLOAD_MB)`,
    );
  }
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, 'the upload has no body');
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
    throw new ApiError(400, `could not read the upload: ${(error as Error).message}`);
  }
  if (!receiving) throw new ApiError(400, 'the upload has no "file" field');
  let file: ReceivedFile;
  try {
    file = await receiving;
  } catch (error) {
    if (error instanceof UploadTooLargeError) throw new ApiError(413, error.message);
    throw error;
  }
  // Fields sent after the file are in `fields` too: the body has been read to its end.
  return store.keep(file, fields);
}
