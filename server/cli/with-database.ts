/** Opens the command's database, runs the work, and closes it whatever happens. */
import { Database } from '../db/database.ts';

export async function withDatabase<T>(path: string, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(path);
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
