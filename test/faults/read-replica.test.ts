/**
 * Read replicas (README, "Past one machine"): two server processes serve one database file at
 * once with GREENLINE_READ_ONLY=1, answer the same reads, refuse every change with a reason, and
 * leave the file exactly as it was. A file behind this code's migrations is refused at start.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { greenline } from '../helpers/cli.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';
import { tempDir } from '../helpers/temp-db.ts';

let dir: string;
let db: string;
let servers: RunningServer[] = [];
let before: string;

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  dir = tempDir('greenline-replica-');
  db = join(dir, 'g.duckdb');
  expect((await greenline(['--db', db, 'demo', '--enterprises', '300'])).code).toBe(0);
  before = digest(db);
  servers = await Promise.all([0, 1].map(() => startServer(db, { GREENLINE_READ_ONLY: '1' })));
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('two read-only servers over one file', () => {
  it('both answer the same reads: the list, facet counts and the points', async () => {
    const read = async (path: string) =>
      Promise.all(
        servers.map(async (s) => {
          const res = await fetch(`${s.url}${path}`);
          expect(res.status, path).toBe(200);
          return Buffer.from(await res.arrayBuffer()).toString('base64');
        }),
      );
    for (const path of ['/api/enterprises?limit=20&sort=name', '/api/map/facets?action=relocate,none', '/api/enterprises/points']) {
      const [a, b] = await read(path);
      expect(a).toBe(b);
    }
    expect(servers[0]?.log()).toContain('read-only replica');
  });

  it('refuses changes with a reason, and the file is unchanged', async () => {
    const server = servers[0] as RunningServer;
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'someone', password: 'a-password-long-enough' }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('read-only replica');
    await Promise.all(servers.map((s) => s.stop()));
    expect(digest(db)).toBe(before);
  });

  it('refuses to start on a file whose migrations are behind', async () => {
    const old = join(dir, 'old.duckdb');
    const database = await Database.open(old);
    await database.run('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
    database.close();
    await expect(Database.openReadOnly(old)).rejects.toThrow(/lacks migrations \d+/);
  });
});
