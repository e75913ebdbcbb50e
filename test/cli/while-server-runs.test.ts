/**
 * The command line works while a server holds the database (design.md: `greenline user add` works
 * while the server runs): the command goes through that server, with the same output, password
 * handling and exit codes, and what it changes is live in the server at once. A lock held by
 * something else gets a one-line human reason, not DuckDB's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSocketPath } from '../../server/cli/control-path.ts';
import { greenline } from '../helpers/cli.ts';
import { type RunningServer, startServer } from '../helpers/server.ts';

let dir: string;
let db: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-cli-server-'));
  db = join(dir, 'g.duckdb');
  expect((await greenline(['--db', db, 'demo', '--enterprises', '300'])).code).toBe(0);
  server = await startServer(db);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const login = (username: string, password: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ username, password }),
  });

describe('the command line while the server runs', () => {
  it('adds an account through the server, audited under the OS user, and the server logs it in at once', async () => {
    const r = await greenline(['--db', db, '--json', 'user', 'add', 'alice', '--role', 'admin'], { input: 'correct-horse-battery\n' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'alice', role: 'admin' });
    expect((await login('alice', 'correct-horse-battery')).status).toBe(200);
    const audit = await greenline(['--db', db, 'export', 'audit', '--out', join(dir, 'audit.csv')]);
    expect(audit.code).toBe(0);
    expect(readFileSync(join(dir, 'audit.csv'), 'utf8')).toMatch(/cli:\w+/);
  });

  it('keeps the exit codes and one-line reasons of a command run alone', async () => {
    const taken = await greenline(['--db', db, 'user', 'add', 'alice', '--role', 'admin'], { input: 'another-password-1\n' });
    expect(taken.code).toBe(1);
    expect(taken.stderr.trim().split('\n')).toHaveLength(1);
    expect(taken.stderr).toContain('alice');
    const noPassword = await greenline(['--db', db, 'user', 'add', 'bob', '--role', 'viewer']);
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain('no password on standard input');
    const demo = await greenline(['--db', db, 'demo']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('stop the server first');
    const help = await greenline(['--db', db, 'user', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('add [options] <name>');
  });

  it('reads and writes files from the caller’s directory, and imports into the live server', async () => {
    writeFileSync(join(dir, 'new.csv'), 'id,name,sector,lon,lat\nN1,包头新厂,C3120,109.85,40.62\n');
    const cwd = process.cwd();
    const rel = (p: string) => relative(cwd, p);
    const imported = await greenline(['--db', rel(db), 'import', 'enterprises', rel(join(dir, 'new.csv'))]);
    expect(imported.code).toBe(0);
    const found = (await (await fetch(`${server.url}/api/enterprises?q=${encodeURIComponent('包头新厂')}`)).json()) as {
      items: { id: string }[];
    };
    expect(found.items.map((e) => e.id)).toContain('N1');
    const exported = await greenline(['--db', rel(db), 'export', 'enterprises', '--format', 'csv', '--out', rel(join(dir, 'all.csv'))]);
    expect(exported.code).toBe(0);
    expect(readFileSync(join(dir, 'all.csv'), 'utf8')).toContain('包头新厂');
  });

  it('listens on a socket only its own operating-system user may open', () => {
    const path = controlSocketPath(db);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('a database held by something else', () => {
  it('names the holder in one line instead of DuckDB’s lock error', async () => {
    const other = join(dir, 'other.duckdb');
    expect((await greenline(['--db', other, 'demo', '--enterprises', '10'])).code).toBe(0);
    // A plain DuckDB process holding the file, with no Greenline socket to go through.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `import('@duckdb/node-api').then(({ DuckDBInstance }) => DuckDBInstance.create(${JSON.stringify(other)}))
           .then(() => { console.log('open'); setTimeout(() => {}, 60000); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
      const r = await greenline(['--db', other, 'user', 'list']);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`is open in another process (PID ${holder.pid})`);
    } finally {
      holder.kill();
    }
  });
});
