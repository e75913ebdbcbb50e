/**
 * Evidence files on disk, outside the database: content-addressed by SHA-256 under the evidence
 * directory (ab/abcdef…), written beside their place and renamed in, so a crash never leaves half
 * a file under a hash. The same file attached twice is stored once.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_EVIDENCE_DIR = 'data/evidence';
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export function evidencePath(dir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 hex digest: "${sha256}"`);
  return join(dir, sha256.slice(0, 2), sha256);
}

export async function storeEvidenceFile(dir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const target = evidencePath(dir, sha256);
  if (existsSync(target)) return sha256;
  await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
  const tmp = `${target}.partial-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, bytes, { flag: 'wx' });
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  return sha256;
}

/** Reads a stored file and checks it still has the hash it was stored under. */
export async function readEvidenceFile(dir: string, sha256: string): Promise<Buffer> {
  const path = evidencePath(dir, sha256);
  const bytes = await readFile(path);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`evidence file ${path} was altered on disk: its SHA-256 is now ${actual}`);
  return bytes;
}
