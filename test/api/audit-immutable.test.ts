/**
 * The audit log is appended to and never changed: no code path updates or deletes an entry, no
 * endpoint can, and an entry changed behind the application's back is detected by its hash chain.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditStore from '../../server/db/audit-store.ts';
import { apiRoutes } from '../../server/http/app.ts';
import { call, type LedgerApp, ledgerApp } from '../helpers/ledger-app.ts';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|sql|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('no code path changes the audit log', () => {
  const files = [...sourceFiles(join(ROOT, 'server')), ...sourceFiles(join(ROOT, 'data')), ...sourceFiles(join(ROOT, 'bin'))];

  it('no source file updates, deletes, truncates, drops, alters or replaces into audit_log', () => {
    const forbidden =
      /\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?|DROP\s+TABLE(\s+IF\s+EXISTS)?|ALTER\s+TABLE|INSERT\s+OR\s+REPLACE\s+INTO|COPY)\s+["`]?audit_log\b/i;
    const offenders = files.filter((f) => forbidden.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(files.length).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });

  it('only the audit store and its migration name the table at all', () => {
    const naming = files.filter((f) => readFileSync(f, 'utf8').includes('audit_log')).map((f) => relative(ROOT, f));
    expect(naming.sort()).toEqual(['server/db/audit-store.ts', 'server/db/migrations/032_audit.sql']);
  });

  it('the audit store offers appending (one entry at a time, or the first entries of new cases in bulk), reading and checking — nothing else', () => {
    expect(Object.keys(auditStore).sort()).toEqual(['appendAudit', 'auditFreshCases', 'listAudit', 'verifyAuditChain']);
  });
});

describe('no endpoint changes the audit log', () => {
  let t: LedgerApp;
  beforeAll(async () => {
    t = await ledgerApp();
  });
  afterAll(() => t.close());

  const snapshot = () => t.db.all('SELECT * EXCLUDE (details), details::VARCHAR AS details FROM audit_log ORDER BY id');

  it('after every write route is called as an admin, every earlier entry is unchanged and the chains hold', async () => {
    const session = await t.session('admin');
    const caseId = (await t.casesOf(t.baotou[0] as string))[0] as number;
    // Some history first, so there is something to tamper with.
    expect(
      (await call(t.app, 'PATCH', `/api/cases/${caseId}`, { session, body: { version: 1, status: 'plan_approved', note: 'n' } })).status,
    ).toBe(200);
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(10);
    const firstId = (before[0] as { id: number }).id;

    const attempts: [string, string, unknown][] = [];
    // Every write route the app has, with payloads aimed at the log.
    for (const r of apiRoutes(t.app.routes).filter((r) => r.method !== 'GET')) {
      const path = r.path.replace('{id}', String(caseId)).replace('{evidenceId}', String(firstId));
      attempts.push([r.method, path, { version: 2, note: 'rewrite', id: firstId, event: 'deleted', hash: '0' }]);
    }
    // Routes that would exist if the log were editable.
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of [
        '/api/audit',
        `/api/audit/${firstId}`,
        `/api/cases/${caseId}/history`,
        `/api/cases/${caseId}/history/${firstId}`,
        '/api/audit/verify',
      ]) {
        attempts.push([method, path, { reason: 'rewritten', to: 'cancelled' }]);
      }
    }
    const statuses: Record<string, number> = {};
    for (const [method, path, body] of attempts) {
      const res = await call(t.app, method, path, { session: await t.session('admin'), body });
      statuses[`${method} ${path}`] = res.status;
    }
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(statuses[`${method} /api/audit/${firstId}`]).toBe(404);
    expect(statuses[`DELETE /api/audit`]).toBe(404);

    const after = await snapshot();
    expect(after.slice(0, before.length)).toEqual(before);
    expect((await auditStore.verifyAuditChain(t.db)).problems).toEqual([]);
  });

  it('an entry altered or removed outside the application breaks its chain, and the check says where', async () => {
    const session = await t.session('admin');
    const caseId = (await t.casesOf(t.baotou[1] as string))[0] as number;
    for (const note of ['one', 'two', 'three']) {
      const { version } = (await call(t.app, 'GET', `/api/cases/${caseId}`, { session })).json as { version: number };
      expect((await call(t.app, 'PATCH', `/api/cases/${caseId}`, { session, body: { version, note } })).status).toBe(200);
    }
    // Someone with the database file rewrites history (this test is the only place that does).
    await t.db.run("UPDATE audit_log SET to_value = 'nothing happened' WHERE entity_id = $id AND seq = 2", { id: String(caseId) });
    await t.db.run('DELETE FROM audit_log WHERE entity_id = $id AND seq = 3', { id: String(caseId) });
    const report = (await call(t.app, 'GET', '/api/audit/verify', { session })).json as {
      problems: { entity_id: string; seq: number; message: string }[];
    };
    expect(report.problems).toEqual([
      { entity: 'case', entity_id: String(caseId), seq: 2, message: 'content does not match its hash: the entry was altered' },
      { entity: 'case', entity_id: String(caseId), seq: 4, message: 'expected entry 3, found 4: entries are missing' },
      { entity: 'case', entity_id: String(caseId), seq: 4, message: 'does not link to the entry before it' },
    ]);
  });

  it('the log exports as CSV with its hashes, and officials see only case entries', async () => {
    const res = await call(t.app, 'GET', '/api/audit?format=csv', { session: await t.session('admin') });
    const bytes = new Uint8Array(await res.res.arrayBuffer());
    // The byte-order mark Excel needs (TextDecoder would hide it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('id,at,actor,entity,entity_id,seq,event,from,to,reason,details,prev_hash,hash\r\n')).toBe(true);
    expect(csv).toContain('user_created');
    const official = (await call(t.app, 'GET', '/api/audit?entity=user', { session: await t.session('official') })).json as {
      items: { entity: string }[];
    };
    expect(official.items.every((e) => e.entity === 'case')).toBe(true);
  });
});
