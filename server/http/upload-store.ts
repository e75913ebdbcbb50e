/**
 * Uploaded files waiting to be previewed and committed, streamed to disk (never held in memory),
 * capped in size, and removed after commit or after an hour.
 *
 * They live in a folder private to this instance, 0700 with files 0600: beside the database
 * (data/greenline.duckdb → data/greenline.uploads/) or GREENLINE_UPLOAD_DIR, which must not be
 * shared with another instance. Nothing is tracked in memory: each upload is its files on disk,
 * named by its id, so a restarted server finds the uploads still valid and cleanUploads removes
 * the rest.
 *   u….data.EXT      the file (the extension picks the reader; the user's name never reaches the disk)
 *   u….upload.json   its name, form fields, size and time; written last, so an upload without
 *                    one was never finished
 *   u….unzipped/     a zipped shapefile's extraction, kept from preview to commit
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, statSync } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';

export interface Upload {
  id: string;
  path: string;
  fileName: string;
  size: number;
  createdAt: number;
  /** The form fields sent with the file. */
  fields: Record<string, string>;
  /** Where a reader may keep what it unpacks from the file, for the next read. */
  unzippedDir: string;
}

/** A file written but not yet an upload: `keep` makes it one once the form's fields are all read. */
export interface ReceivedFile {
  id: string;
  path: string;
  fileName: string;
  size: number;
}

export const UPLOAD_TTL_MS = 60 * 60 * 1000;
const UPLOAD_ID = /^u[0-9a-f]{24}$/;
const UPLOAD_FILE = /^(u[0-9a-f]{24})\./;
const SIDECAR = '.upload.json';

const Sidecar = z.object({
  id: z.string().regex(UPLOAD_ID),
  fileName: z.string(),
  dataFile: z.string().regex(/^u[0-9a-f]{24}\.data(\.[a-z0-9]{1,10})?$/),
  size: z.number(),
  createdAt: z.number(),
  fields: z.record(z.string(), z.string()),
});
type Sidecar = z.infer<typeof Sidecar>;

export function uploadLimitBytes(env: NodeJS.ProcessEnv = process.env): number {
  return Math.floor(Number(env.GREENLINE_MAX_UPLOAD_MB ?? 512) * 2 ** 20);
}

/**
 * This instance's upload folder: GREENLINE_UPLOAD_DIR, else beside the database. An in-memory
 * database has nothing to restart with, and gets a folder of its own under the system's temp.
 */
export function uploadDir(dbPath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.GREENLINE_UPLOAD_DIR) return env.GREENLINE_UPLOAD_DIR;
  if (dbPath === ':memory:') return join(tmpdir(), `greenline-uploads-${randomBytes(8).toString('hex')}`);
  return `${dbPath.replace(/\.duckdb$/, '')}.uploads`;
}

/** Creates the folder 0700, or narrows an existing one to 0700; refuses one this process cannot own. */
function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { mode } = statSync(dir);
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    throw new Error(`the upload folder ${dir} is open to other users and cannot be made private: ${(error as Error).message}`);
  }
}

export class UploadTooLargeError extends Error {
  constructor(
    readonly fileName: string,
    readonly limitMib: number,
  ) {
    super(`${fileName} is larger than the upload limit of ${limitMib} MiB (GREENLINE_MAX_UPLOAD_MB)`);
  }
}

async function readSidecar(path: string): Promise<Sidecar | undefined> {
  try {
    return Sidecar.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Removes uploads older than the TTL, and the files of uploads never finished (no sidecar, or
 * one that does not parse) once their newest file is older than `graceMs`. Leaves alone whatever
 * in the folder is not named like an upload. Answers the ids removed.
 */
async function sweepDir(dir: string, now: number, graceMs: number): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const byId = new Map<string, string[]>();
  for (const name of names) {
    const id = UPLOAD_FILE.exec(name)?.[1];
    if (id) byId.set(id, [...(byId.get(id) ?? []), name]);
  }
  const removed: string[] = [];
  for (const [id, files] of byId) {
    const sidecar = files.includes(`${id}${SIDECAR}`) ? await readSidecar(join(dir, `${id}${SIDECAR}`)) : undefined;
    let expired: boolean;
    if (sidecar) expired = now - sidecar.createdAt > UPLOAD_TTL_MS;
    else {
      const times = await Promise.all(
        files.map((f) =>
          stat(join(dir, f)).then(
            (s) => s.mtimeMs,
            () => 0,
          ),
        ),
      );
      expired = now - Math.max(...times) >= graceMs;
    }
    if (!expired) continue;
    await Promise.all(files.map((f) => rm(join(dir, f), { recursive: true, force: true })));
    removed.push(id);
  }
  return removed;
}

/**
 * For server start-up: removes expired uploads and everything an interrupted upload or a crash
 * left in the folder (nothing is being written before the server serves). Answers the ids removed.
 */
export function cleanUploads(dir: string, now = Date.now()): Promise<string[]> {
  return sweepDir(dir, now, 0);
}

export class UploadStore {
  private made = false;

  constructor(
    readonly dir: string,
    readonly maxBytes = uploadLimitBytes(),
  ) {}

  private ensureDir(): void {
    if (this.made) return;
    ensurePrivateDir(this.dir);
    this.made = true;
  }

  /** Writes a file stream to disk; a stream longer than maxBytes is cut off, removed and refused. */
  async receive(stream: Readable & { truncated?: boolean }, fileName: string): Promise<ReceivedFile> {
    this.ensureDir();
    await this.sweep();
    const id = `u${randomBytes(12).toString('hex')}`;
    const ext = extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 11);
    const path = join(this.dir, `${id}.data${ext.length > 1 ? ext : ''}`);
    try {
      await pipeline(stream, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    if (stream.truncated) {
      await rm(path, { force: true });
      throw new UploadTooLargeError(fileName, Math.round(this.maxBytes / 2 ** 20));
    }
    return { id, path, fileName, size: (await stat(path)).size };
  }

  /** Records a received file with its form fields; from now on `get` finds it, here or after a restart. */
  async keep(file: ReceivedFile, fields: Record<string, string>): Promise<Upload> {
    const sidecar: Sidecar = {
      id: file.id,
      fileName: file.fileName,
      dataFile: basename(file.path),
      size: file.size,
      createdAt: Date.now(),
      fields: { ...fields },
    };
    const path = join(this.dir, `${file.id}${SIDECAR}`);
    // Written whole, then renamed into place: a crash never leaves half a sidecar.
    await writeFile(`${path}.part`, JSON.stringify(sidecar), { flag: 'wx', mode: 0o600 });
    await rename(`${path}.part`, path);
    return this.upload(sidecar);
  }

  async get(id: string, now = Date.now()): Promise<Upload | undefined> {
    if (!UPLOAD_ID.test(id)) return undefined;
    const sidecar = await readSidecar(join(this.dir, `${id}${SIDECAR}`));
    if (!sidecar || sidecar.id !== id) return undefined;
    if (now - sidecar.createdAt > UPLOAD_TTL_MS) {
      await this.remove(id);
      return undefined;
    }
    return this.upload(sidecar);
  }

  /** Removes every file of the upload: the file, its sidecar, what was unpacked from it. */
  async remove(id: string): Promise<void> {
    if (!UPLOAD_ID.test(id)) return;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    await Promise.all(names.filter((n) => n.startsWith(`${id}.`)).map((n) => rm(join(this.dir, n), { recursive: true, force: true })));
  }

  /** Expired uploads go; so do unfinished ones an hour old (one being received now is younger). */
  sweep(now = Date.now()): Promise<string[]> {
    return sweepDir(this.dir, now, UPLOAD_TTL_MS);
  }

  private upload(s: Sidecar): Upload {
    return {
      id: s.id,
      path: join(this.dir, s.dataFile),
      fileName: s.fileName,
      size: s.size,
      createdAt: s.createdAt,
      fields: s.fields,
      unzippedDir: join(this.dir, `${s.id}.unzipped`),
    };
  }
}
