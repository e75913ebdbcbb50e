/**
 * Uploaded files waiting to be previewed and committed: streamed to a temporary directory (never
 * held in memory), capped in size, and removed after commit or after an hour unused.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Upload {
  id: string;
  path: string;
  fileName: string;
  size: number;
  createdAt: number;
  /** The form fields sent with the file. */
  fields: Record<string, string>;
}

export const UPLOAD_TTL_MS = 60 * 60 * 1000;

export function uploadLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Math.floor(Number(env.GREENLINE_MAX_UPLOAD_MB ?? 512) * 2 ** 20);
}

export class UploadTooLargeError extends Error {}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    readonly dir = join(tmpdir(), 'greenline-uploads'),
    readonly maxBytes = uploadLimitBytes(),
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Writes a file stream to disk; a stream longer than maxBytes is cut off, removed and refused. */
  async save(stream: Readable & { truncated?: boolean }, fileName: string, fields: Record<string, string>): Promise<Upload> {
    await this.sweep();
    const id = `u${randomBytes(12).toString('hex')}`;
    // The extension picks the reader; the rest of the name never reaches the file system.
    const path = join(
      this.dir,
      `${id}${extname(fileName)
        .toLowerCase()
        .replace(/[^.a-z0-9]/g, '')}`,
    );
    try {
      await pipeline(stream, createWriteStream(path));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    if (stream.truncated) {
      await rm(path, { force: true });
      throw new UploadTooLargeError(
        `${fileName} is larger than the upload limit of ${Math.round(this.maxBytes / 2 ** 20)} MiB (GREENLINE_MAX_UPLOAD_MB)`,
      );
    }
    const upload: Upload = { id, path, fileName, size: (await stat(path)).size, createdAt: Date.now(), fields };
    this.uploads.set(id, upload);
    return upload;
  }

  get(id: string): Upload | undefined {
    return this.uploads.get(id);
  }

  async remove(id: string): Promise<void> {
    const upload = this.uploads.get(id);
    this.uploads.delete(id);
    if (upload) await rm(upload.path, { force: true });
  }

  async sweep(now = Date.now()): Promise<void> {
    for (const [id, upload] of this.uploads) if (now - upload.createdAt > UPLOAD_TTL_MS) await this.remove(id);
  }
}
