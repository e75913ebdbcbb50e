/**
 * Where a server holding a database listens for the command line: a Unix socket beside the
 * database file (`greenline.duckdb.cli.sock`), or in the temporary directory under a hash of the
 * file's path when that would pass the 107 bytes a socket path may hold.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

const MAX_SOCKET_PATH = 107;

/** The database's path as one string whatever way it was named (relative, through a symlink). */
export function canonicalDbPath(path: string): string {
  const absolute = resolve(path);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

export function controlSocketPath(dbPath: string): string {
  const db = canonicalDbPath(dbPath);
  const beside = `${db}.cli.sock`;
  if (Buffer.byteLength(beside) <= MAX_SOCKET_PATH) return beside;
  return join(tmpdir(), `greenline-${createHash('sha256').update(db).digest('hex').slice(0, 16)}.cli.sock`);
}
