/** Writes an export beside its target and renames it into place, so a failed export leaves no half file. */
import { rename, rm } from 'node:fs/promises';

export async function writeAtomic(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${out}.partial-${process.pid}`;
  try {
    await write(tmp);
    await rename(tmp, out);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
