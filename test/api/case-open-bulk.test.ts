/**
 * Cases a screening finds for the first time open in bulk in DuckDB (db/case-open-store.ts), and
 * what that writes is what the JavaScript plan and audit code would write: the same cases in the
 * same id order with the same rules, and first audit entries whose hashes JavaScript recomputes
 * (verifyAuditChain), for enterprise ids with quotes, backslashes, Chinese and control characters.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit-store.ts';
import { openFreshCases } from '../../server/db/case-open-store.ts';
import type { Database } from '../../server/db/database.ts';
import type { Action } from '../../server/domain/actions.ts';
import { canonicalAuditText } from '../../server/domain/audit.ts';
import { actionOpensCase } from '../../server/domain/case.ts';
import { type FlagGroup, planCaseSync } from '../../server/domain/case-sync-plan.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let db: Database;

const ODD_IDS = ['E"quoted"', 'E\\back\\slash', 'E中文企业', 'E\ttab\u0001', 'E/slash'];

beforeAll(async () => {
  temp = await tempDemoDb(2000, 42);
  db = await temp.open();
  // Flags of a flagged plant copied under ids a JSON writer must escape, then the ledger emptied.
  const source = await db.one<{ id: string }>(
    "SELECT enterprise_id AS id FROM flags WHERE action IN ('relocate', 'withdraw') GROUP BY enterprise_id HAVING count(DISTINCT rule_id) > 1 LIMIT 1",
  );
  for (const id of ODD_IDS)
    await db.run('INSERT INTO flag_rows SELECT * REPLACE ($id AS enterprise_id) FROM flag_rows WHERE enterprise_id = $from', {
      id,
      from: source?.id ?? '',
    });
  await db.run("DELETE FROM audit_log WHERE entity = 'case'");
  await db.run('DELETE FROM cases');
});
afterAll(() => {
  db.close();
  temp.cleanup();
});

/** The cases planCaseSync would open from the flags table, in the JavaScript path's order. */
async function plannedCases() {
  const rows = await db.all<{
    enterprise_id: string;
    action: string;
    rule_id: string;
    deadline: string | null;
    region_code: string | null;
    policy: string;
    title_zh: string;
    title_en: string;
  }>(
    `SELECT f.enterprise_id, f.action, f.rule_id, strftime(min(f.deadline), '%Y-%m-%d') AS deadline, any_value(e.region_code) AS region_code,
            any_value(f.policy) AS policy, any_value(f.title_zh) AS title_zh, any_value(f.title_en) AS title_en
     FROM flags f LEFT JOIN enterprises e ON e.id = f.enterprise_id
     GROUP BY f.enterprise_id, f.action, f.rule_id ORDER BY f.enterprise_id, f.action, f.rule_id`,
  );
  const groups = new Map<string, FlagGroup>();
  for (const r of rows) {
    if (!actionOpensCase(r.action as Action)) continue;
    const key = `${r.enterprise_id}\u0000${r.action}`;
    const g = groups.get(key) ?? { enterprise_id: r.enterprise_id, action: r.action as Action, region_code: r.region_code, rules: [] };
    g.rules.push({ rule_id: r.rule_id, policy: r.policy, title_zh: r.title_zh, title_en: r.title_en, deadline: r.deadline });
    groups.set(key, g);
  }
  return planCaseSync(groups.values(), []).create;
}

describe('cases opened in bulk', () => {
  it('are the cases the plan opens, in its order, with its rules, and audit entries JavaScript verifies', async () => {
    const want = await plannedCases();
    expect(want.length).toBeGreaterThan(100);
    const at = new Date('2026-12-06T10:00:00.123Z');
    expect(await db.transaction((tx) => openFreshCases(tx, 7, at))).toBe(want.length);

    const got = await db.all<{
      id: number;
      enterprise_id: string;
      action: string;
      region_code: string | null;
      deadline: string | null;
      rules: string;
      last_run_id: number;
      status: string;
    }>(
      "SELECT id, enterprise_id, action, region_code, strftime(deadline, '%Y-%m-%d') AS deadline, rules::VARCHAR AS rules, last_run_id, status FROM cases ORDER BY id",
    );
    expect(got.map((c) => [c.enterprise_id, c.action, c.region_code, c.deadline, c.rules])).toEqual(
      want.map((c) => [c.enterprise_id, c.action, c.region_code, c.deadline, JSON.stringify(c.rules)]),
    );
    expect(got.map((c) => c.id)).toEqual(got.map((_, i) => (got[0]?.id as number) + i));
    expect(new Set(got.map((c) => `${c.status}/${c.last_run_id}`))).toEqual(new Set(['identified/7']));
    for (const id of ODD_IDS) expect(got.some((c) => c.enterprise_id === id)).toBe(true);

    // Each first entry is the one createdEntry() would append, hashed as appendAudit hashes.
    const entries = await db.all<{ entity_id: string; details: string; hash: string; reason: string }>(
      "SELECT entity_id, details::VARCHAR AS details, hash, reason FROM audit_log WHERE entity = 'case' ORDER BY id",
    );
    expect(entries.length).toBe(want.length);
    for (const [i, c] of want.entries()) {
      const rules = c.rules.map((r) => r.rule_id).join(', ');
      const details = {
        run_id: 7,
        enterprise_id: c.enterprise_id,
        action: c.action,
        deadline: c.deadline,
        reason: { key: 'flagged_by', params: { rules } },
      };
      const body = {
        entity: 'case' as const,
        entity_id: String(got[i]?.id),
        seq: 1,
        at: at.toISOString(),
        actor: 'screening',
        event: 'created' as const,
        from: null,
        to: 'identified',
        reason: `flagged by ${rules}`,
        details,
        prev_hash: '',
      };
      const entry = entries[i];
      expect(entry?.entity_id).toBe(body.entity_id);
      expect(entry?.reason).toBe(body.reason);
      expect(entry?.details).toBe(JSON.stringify(details));
      expect(entry?.hash).toBe(createHash('sha256').update(canonicalAuditText(body)).digest('hex'));
    }
    expect((await verifyAuditChain(db)).problems).toEqual([]);
  });

  it('opens nothing twice: a second call finds every case there', async () => {
    const before = await db.one<{ n: number }>('SELECT count(*) AS n FROM cases');
    expect(await db.transaction((tx) => openFreshCases(tx, 8, new Date()))).toBe(0);
    expect(await db.one<{ n: number }>('SELECT count(*) AS n FROM cases')).toEqual(before);
  });
});
