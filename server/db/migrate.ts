/**
 * Versioned migrations, applied in order at start-up. Each is a numbered SQL file in migrations/
 * and runs in its own transaction together with the row that records it, so a crash between two
 * migrations leaves the database at a clean version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

const DIR = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(new URL(file, DIR), 'utf8'),
    }));
}

export async function migrate(db: Database): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`);
  const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of listMigrations()) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.run(m.sql);
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($v, $n)', { v: m.version, n: m.name });
    });
    applied.push(m.version);
  }
  // Fold schema changes into the database file at once rather than leaving them to WAL replay,
  // which is where DuckDB's DDL bugs live.
  if (applied.length > 0) await db.run('CHECKPOINT');
  return applied;
}
