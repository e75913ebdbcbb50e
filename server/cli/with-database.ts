/** Runs the work on the command's database: opened and closed around it, or the server's own (cli-io.ts). */
import type { Database } from '../db/database.ts';
import { cliIo, userPath } from './cli-io.ts';

export function withDatabase<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  return cliIo().withDatabase(userPath(path), work);
}
