/**
 * Login throttling through the real app on a real socket. app.request() has no socket, so every
 * request would come from the same 'unknown' address; here a server listens on loopback and the
 * test plays a reverse proxy at 127.0.0.1, naming clients in X-Forwarded-For — honoured only when
 * the app is told to trust 127.0.0.1.
 */
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAudit, verifyAuditChain } from '../../server/db/audit-store.ts';
import { Database } from '../../server/db/database.ts';
import { createApp } from '../../server/http/app.ts';
import { account, sessionOf, TEST_PASSWORD } from '../helpers/ledger-fixtures.ts';
import { TEST_CONFIG, tempDir } from '../helpers/temp-db.ts';

interface Running {
  db: Database;
  url: string;
  stop(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A database file in a fresh directory with two accounts; the path outlives any one server. */
async function databaseWithAccounts(): Promise<string> {
  const dir = tempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'throttle.duckdb');
  const db = await Database.open(path);
  await account(db, 'admin', 'admin');
  await account(db, 'planner', 'planner');
  db.close();
  return path;
}

async function start(path: string, trustedProxies?: string): Promise<Running> {
  const db = await Database.open(path);
  const app = createApp({ db, config: { ...TEST_CONFIG, ...(trustedProxies ? { trustedProxies } : {}) } });
  let server: Server | undefined;
  const { port } = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, resolve) as Server;
  });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    db.close();
  };
  cleanups.push(stop);
  return { db, url: `http://127.0.0.1:${port}`, stop };
}

/** A login posted through the "proxy": `from` is the client it names in X-Forwarded-For. */
async function login(server: Running, username: string, password: string, from?: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ username, password }),
  });
  await res.arrayBuffer();
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

const wrong = (i: number) => `wrong guess ${i}`;

/** What the app writes with console.warn from now on, a call a string. */
function warnings(): string[] {
  const lines: string[] = [];
  vi.mocked(console.warn).mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  return lines;
}

describe('login throttling per address, behind a trusted proxy', () => {
  it('a pair lockout: 5 wrong passwords from one address, then 429 with Retry-After even for the right one', async () => {
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    for (let i = 0; i < 5; i++) expect((await login(server, 'admin', wrong(i), '198.51.100.1')).status).toBe(401);
    const locked = await login(server, 'admin', TEST_PASSWORD, '198.51.100.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(890);
  });

  it('a second address is not locked out by the first', async () => {
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    for (let i = 0; i < 5; i++) await login(server, 'admin', wrong(i), '198.51.100.1');
    expect((await login(server, 'admin', TEST_PASSWORD, '198.51.100.1')).status).toBe(429);
    expect((await login(server, 'admin', TEST_PASSWORD, '198.51.100.2')).status).toBe(200);
    // A client cannot pick its address: the proxy appends the real one, and only that is read.
    expect((await login(server, 'admin', TEST_PASSWORD, '198.51.100.2, 198.51.100.1')).status).toBe(429);
  });

  it('many addresses guessing one account are slowed, while its owner’s usual address still logs in', async () => {
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    expect((await login(server, 'admin', TEST_PASSWORD, '192.0.2.7')).status).toBe(200);
    for (let i = 1; i <= 10; i++) expect((await login(server, 'admin', wrong(i), `198.51.100.${i}`)).status).toBe(401);
    const slowed = await login(server, 'admin', wrong(11), '198.51.100.11');
    expect(slowed).toEqual({ status: 429, retryAfter: '30' });
    // The right password from an address the account has not used waits too: it might be a guess.
    expect((await login(server, 'admin', TEST_PASSWORD, '203.0.113.5')).status).toBe(429);
    expect((await login(server, 'admin', TEST_PASSWORD, '192.0.2.7')).status).toBe(200);
    // Other accounts are untouched.
    expect((await login(server, 'planner', TEST_PASSWORD, '203.0.113.5')).status).toBe(200);
  });
});

describe('login throttling across a restart', () => {
  it('a new app on the same database file still refuses the locked pair, and only it', async () => {
    const path = await databaseWithAccounts();
    const first = await start(path, '127.0.0.1');
    for (let i = 0; i < 5; i++) expect((await login(first, 'admin', wrong(i), '198.51.100.1')).status).toBe(401);
    await first.stop();
    const second = await start(path, '127.0.0.1');
    const locked = await login(second, 'admin', TEST_PASSWORD, '198.51.100.1');
    expect(locked.status).toBe(429);
    expect(Number(locked.retryAfter)).toBeGreaterThan(890);
    expect((await login(second, 'admin', TEST_PASSWORD, '198.51.100.2')).status).toBe(200);
  });
});

describe('X-Forwarded-For', () => {
  it('is ignored when the proxy is not trusted: everyone behind it shares the socket’s address', async () => {
    const server = await start(await databaseWithAccounts());
    for (let i = 0; i < 5; i++) expect((await login(server, 'admin', wrong(i), `198.51.100.${i}`)).status).toBe(401);
    expect((await login(server, 'admin', TEST_PASSWORD, '198.51.100.99')).status).toBe(429);
  });
});

describe('failed logins and lockouts are reported', () => {
  it('audits failures and the lockout of a real account, and logs them with username, address and count', async () => {
    const logged = warnings();
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    for (let i = 0; i < 5; i++) await login(server, 'admin', wrong(i), '198.51.100.1');

    const { items } = await listAudit(server.db, { entity: 'user', entityId: 'admin' });
    expect(items.map((e) => e.event)).toEqual(['user_created', ...Array(5).fill('login_failed'), 'locked_out']);
    expect(items[5]).toMatchObject({
      actor: 'anonymous',
      details: { address: '198.51.100.1', failures: { pair: 5, address: 5, account: 5 }, retry_after_s: 900 },
    });
    expect(items[6]).toMatchObject({
      event: 'locked_out',
      reason: '5 failures of this username from this address',
      details: { address: '198.51.100.1', scope: 'pair', failures: 5, retry_after_s: 900 },
    });
    expect((await verifyAuditChain(server.db)).problems).toEqual([]);

    const logins = logged.filter((w) => w.startsWith('login'));
    expect(logins).toHaveLength(6);
    expect(logins[2]).toBe(
      'login failed: username "admin" from "198.51.100.1"; failures: 3 as this username from this address, 3 from this address, ' +
        '3 as this username from anywhere; next attempt allowed in 0 s',
    );
    expect(logins[5]).toBe(
      'login locked out (pair): username "admin" from "198.51.100.1"; wait 900 s: 5 failures of this username from this address',
    );
    const everything = JSON.stringify(items) + logged.join('\n');
    for (let i = 0; i < 5; i++) expect(everything).not.toContain(wrong(i));
  });

  it('the entries reach admins through GET /api/audit', async () => {
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    await login(server, 'admin', wrong(0), '198.51.100.1');
    const adminId = (await server.db.one<{ id: number }>("SELECT id FROM users WHERE username = 'admin'"))?.id as number;
    const session = await sessionOf(server.db, adminId);
    const res = await fetch(`${server.url}/api/audit?entity=user`, { headers: { cookie: session.cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { event: string; entity_id: string }[] };
    expect(body.items.filter((e) => e.event === 'login_failed')).toEqual([expect.objectContaining({ entity_id: 'admin' })]);
  });

  it('unknown usernames are logged, never audited: made-up names cannot grow the audit log', async () => {
    const logged = warnings();
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    const before = (await listAudit(server.db)).total;
    for (let i = 0; i < 5; i++) expect((await login(server, `ghost-${i % 2}`, wrong(i), '198.51.100.1')).status).toBe(401);
    expect((await listAudit(server.db)).total).toBe(before);
    expect(logged.filter((w) => w.startsWith('login failed'))).toHaveLength(5);
    expect(logged[0]).toContain('username "ghost-0" (no such account) from "198.51.100.1"');
  });

  it('a username with a line break cannot forge a log line', async () => {
    const logged = warnings();
    const server = await start(await databaseWithAccounts(), '127.0.0.1');
    await login(server, 'x\nlogin failed: username "admin"', wrong(0), '198.51.100.1');
    expect(logged.join('\n').split('\n')).toHaveLength(1);
  });
});
