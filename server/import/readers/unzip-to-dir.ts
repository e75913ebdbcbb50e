/**
 * Extracts chosen entries of a zip into a temporary directory, streaming, with a cap on the
 * expanded size so that a zip bomb fails with a clear message instead of filling the disk.
 */
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import iconv from 'iconv-lite';
import { isValidUtf8 } from '../encoding.ts';
import { SourceError } from './record.ts';

export interface ZipEntry {
  /** The name as stored, decoded: UTF-8 when flagged, else GBK as Chinese Windows writes it. */
  name: string;
  path: string;
  size: number;
}

/**
 * fflate decodes names without the UTF-8 flag as Latin-1; zip tools on Chinese Windows write
 * them in GBK. The bytes are recovered from the Latin-1 string and decoded properly.
 */
export function zipEntryName(raw: string): string {
  const codes = [...raw].map((c) => c.codePointAt(0) ?? 0);
  // Only a name made of Latin-1 characters, some of them high, can be mis-decoded bytes.
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  return isValidUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
}

export async function unzipToDir(
  zipPath: string,
  label: string,
  wanted: (name: string) => boolean,
  maxExpandedBytes: number,
): Promise<{ dir: string; entries: ZipEntry[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'greenline-unzip-'));
  const entries: ZipEntry[] = [];
  let expanded = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    const name = zipEntryName(file.name);
    if (file.name.endsWith('/') || !wanted(name)) return;
    // Readers find sidecar files by extension (shapefile.open appends .dbf), so it is kept.
    const path = join(dir, `entry-${entries.length}${extname(name).toLowerCase()}`);
    const entry: ZipEntry = { name, path, size: 0 };
    entries.push(entry);
    const fd = openSync(path, 'w');
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        closeSync(fd);
        return;
      }
      expanded += chunk.length;
      entry.size += chunk.length;
      if (expanded > maxExpandedBytes) {
        failure = new SourceError(
          label,
          null,
          `the zip expands to more than ${Math.round(maxExpandedBytes / 2 ** 20)} MiB; refusing to unpack it`,
        );
        closeSync(fd);
        return;
      }
      writeSync(fd, chunk);
      if (final) closeSync(fd);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(zipPath)) {
      unzip.push(chunk as Uint8Array);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure = error as Error;
  }
  if (failure) {
    rmSync(dir, { recursive: true, force: true });
    if (failure instanceof SourceError) throw failure;
    throw new SourceError(label, null, `not a readable zip file (${failure.message})`);
  }
  return { dir, entries };
}
