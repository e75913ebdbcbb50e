/**
 * Extracts chosen entries of a zip into a private directory (0700, files 0600), streaming, within
 * the zip limits of readZipEntries. Given a `keep` directory (an upload's), the extraction is kept
 * there and reused by every later read of the same upload, so preview and commit unpack it once.
 */
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { readZipEntries } from './zip-entries.ts';

export interface ZipEntry {
  /** The name as stored, decoded: UTF-8 when flagged, else GBK as Chinese Windows writes it. */
  name: string;
  path: string;
  size: number;
}

export interface Unzipped {
  dir: string;
  entries: ZipEntry[];
  /** Removed when the read ends; a kept extraction is the upload's to remove. */
  temporary: boolean;
}

const MANIFEST = 'entries.json';
const Manifest = z.array(z.object({ name: z.string(), file: z.string().regex(/^entry-\d+[^/\\]*$/), size: z.number() }));

async function extract(zipPath: string, label: string, wanted: (name: string) => boolean, dir: string): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  let fd: number | undefined;
  try {
    await readZipEntries(zipPath, label, wanted, (name) => {
      // Readers find sidecar files by extension (shapefile.open appends .dbf), so it is kept; the
      // rest of the name never reaches the file system.
      const path = join(dir, `entry-${entries.length}${extname(name).toLowerCase()}`);
      const entry: ZipEntry = { name, path, size: 0 };
      entries.push(entry);
      fd = openSync(path, 'wx', 0o600);
      const entryFd = fd;
      return (chunk, final) => {
        writeSync(entryFd, chunk);
        entry.size += chunk.length;
        if (final) {
          closeSync(entryFd);
          fd = undefined;
        }
      };
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return entries;
}

async function readKept(keep: string): Promise<ZipEntry[] | undefined> {
  let text: string;
  try {
    text = await readFile(join(keep, MANIFEST), 'utf8');
  } catch {
    return undefined;
  }
  return Manifest.parse(JSON.parse(text)).map((e) => ({ name: e.name, path: join(keep, e.file), size: e.size }));
}

export async function unzipToDir(zipPath: string, label: string, wanted: (name: string) => boolean, keep?: string): Promise<Unzipped> {
  if (keep) {
    const kept = await readKept(keep);
    if (kept) return { dir: keep, entries: kept, temporary: false };
  }
  // Beside `keep` so that the finished extraction moves into place by a rename.
  const dir = mkdtempSync(keep ? `${keep}.part-` : join(tmpdir(), 'greenline-unzip-'));
  let entries: ZipEntry[];
  try {
    entries = await extract(zipPath, label, wanted, dir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  if (!keep) return { dir, entries, temporary: true };
  const manifest = entries.map((e) => ({ name: e.name, file: basename(e.path), size: e.size }));
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest), { mode: 0o600 });
  try {
    await rename(dir, keep);
  } catch {
    // Another read of the same upload finished first: use its extraction.
    await rm(dir, { recursive: true, force: true });
    const kept = await readKept(keep);
    if (!kept) throw new Error(`could not keep the extraction of ${label} in ${dirname(keep)}`);
    return { dir: keep, entries: kept, temporary: false };
  }
  return { dir: keep, entries: entries.map((e) => ({ ...e, path: join(keep, basename(e.path)) })), temporary: false };
}
