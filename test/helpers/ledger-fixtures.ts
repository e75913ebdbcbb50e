/**
 * Ledger test fixtures: realistic flags written straight into the tables behind `flags` (screening's
 * output contract, server/domain/flag.ts), accounts, and sessions, so ledger tests do not depend
 * on the screening engine.
 */

import { addUser } from '../../server/auth/accounts.ts';
import { appendRecords } from '../../server/db/bulk.ts';
import type { Database, Queryable } from '../../server/db/database.ts';
import { FLAG_ROW_COLUMNS, RULE_TEXT_COLUMNS } from '../../server/db/flag-store.ts';
import { getMeta } from '../../server/db/meta-store.ts';
import { activeRuleSet } from '../../server/db/rule-set-store.ts';
import { createSession } from '../../server/db/session-store.ts';
import type { Columns } from '../../server/db/tables.ts';
import type { Action } from '../../server/domain/actions.ts';
import type { Flag } from '../../server/domain/flag.ts';
import type { Role } from '../../server/domain/roles.ts';
import { RulePlan } from '../../server/domain/screening/rule-plan.ts';
import { syncCasesFromFlags } from '../../server/ledger/sync-cases-from-flags.ts';
import { today } from '../../server/screening/run-screening.ts';

const RUN_RULE_COLUMNS = [['run_id', 'INTEGER'], ...RULE_TEXT_COLUMNS] as const satisfies Columns;

/** Flags as the screening rules of domain.md would raise them. */
const TEMPLATES: Record<string, Omit<Flag, 'enterprise_id'>> = {
  reserveCore: {
    rule_id: 'P1-reserve-core',
    policy: 'P1',
    citation: '内蒙古自治区2019年工业和信息化工作要点；自然保护区条例（1994）第三十二条',
    citation_zh: null,
    title_zh: '位于自然保护区核心区或缓冲区的工业企业须退出',
    title_en: 'Industrial enterprise inside a nature reserve core or buffer zone must withdraw',
    action: 'withdraw',
    severity: 1,
    deadline: '2019-12-31',
    jurisdiction: '150000',
    evidence: [
      {
        kind: 'zone',
        zone_id: 'NR-DQS-core',
        zone_name: '大青山国家级自然保护区',
        zone_kind: 'nature_reserve',
        zone_type: 'core',
        distance_m: 0,
      },
    ],
  },
  reserveExperimental: {
    rule_id: 'P1-reserve-experimental-polluting',
    policy: 'P1',
    citation: '自然保护区条例（1994）第三十二条',
    citation_zh: null,
    title_zh: '实验区内污染环境的生产设施须退出',
    title_en: 'Polluting facility in a nature reserve experimental zone must withdraw',
    action: 'withdraw',
    severity: 1,
    deadline: '2020-06-30',
    jurisdiction: '000000',
    evidence: [
      {
        kind: 'zone',
        zone_id: 'NR-DQS-exp',
        zone_name: '大青山国家级自然保护区',
        zone_kind: 'nature_reserve',
        zone_type: 'experimental',
        distance_m: 0,
      },
    ],
  },
  builtUpSteel: {
    rule_id: 'P2-built-up-steel',
    policy: 'P2',
    citation: '工业和通信业污染防治三年行动计划（2018—2020）',
    citation_zh: null,
    title_zh: '城市建成区内钢铁企业搬迁改造',
    title_en: 'Steel plant inside an urban built-up area must relocate',
    action: 'relocate',
    severity: 2,
    deadline: '2099-12-31',
    jurisdiction: '000000',
    evidence: [{ kind: 'zone', zone_id: 'BU-150200', zone_name: '包头市建成区', zone_kind: 'built_up', zone_type: null, distance_m: 0 }],
  },
  blastFurnace: {
    rule_id: 'P4-blast-furnace-400-1200',
    policy: 'P4',
    citation: '工业和通信业污染防治三年行动计划（2018—2020）',
    citation_zh: null,
    title_zh: '400至1200立方米高炉须升级改造（产能置换）',
    title_en: 'Blast furnace of 400–1200 m³ must be upgraded (capacity replacement)',
    action: 'upgrade',
    severity: 5,
    deadline: null,
    jurisdiction: '000000',
    evidence: [{ kind: 'comparison', subject: 'blast_furnace.size', value: 450, operator: 'between', threshold: [400, 1200], unit: 'm³' }],
  },
  greenFactory: {
    rule_id: 'P12-green-factory',
    policy: 'P12',
    citation: '绿色制造体系建设',
    citation_zh: null,
    title_zh: '绿色工厂',
    title_en: 'Green factory',
    action: 'green',
    severity: 9,
    deadline: null,
    jurisdiction: '000000',
    evidence: [],
  },
};

export type FlagTemplate = keyof typeof TEMPLATES;

export function flag(enterpriseId: string, template: FlagTemplate, overrides: Partial<Flag> = {}): Flag {
  return { ...(TEMPLATES[template] as Omit<Flag, 'enterprise_id'>), enterprise_id: enterpriseId, ...overrides };
}

export function flagWith(enterpriseId: string, action: Action, ruleId: string, deadline: string | null): Flag {
  return flag(enterpriseId, 'blastFurnace', { action, rule_id: ruleId, deadline });
}

/** Writes flags as a run stores them: the verdicts, and each rule's texts once per run. */
export async function insertFlags(q: Queryable, flags: readonly Flag[], runId = 1): Promise<void> {
  await appendRecords(
    q,
    'flag_rows',
    FLAG_ROW_COLUMNS,
    flags.map((f) => ({ ...f, run_id: runId })),
  );
  const known = new Set(
    (await q.all<{ rule_id: string }>('SELECT rule_id FROM run_rules WHERE run_id = $run', { run: runId })).map((r) => r.rule_id),
  );
  const rules = new Map(flags.filter((f) => !known.has(f.rule_id)).map((f) => [f.rule_id, { ...f, run_id: runId }]));
  await appendRecords(q, 'run_rules', RUN_RULE_COLUMNS, rules.values());
}

/**
 * Inserts flags and syncs the ledger, as a screening run would, and records the run as it would:
 * otherwise the server, finding data never screened, screens it for real at start (crash
 * recovery) and the fixture's flags give way to the rule set's.
 */
export async function screen(db: Database, flags: readonly Flag[], runId = 1) {
  return db.transaction(async (tx) => {
    await insertFlags(tx, flags, runId);
    const rules = await activeRuleSet(tx);
    const asOf = today();
    await tx.run(
      `INSERT INTO screening_runs (rule_set_version, data_version, as_of, scope, bands, zones_recomputed, finished_at)
       VALUES ($rules, $data, CAST($asOf AS DATE), 'all', $bands, true, now()::TIMESTAMP)`,
      {
        rules: rules.version,
        data: Number((await getMeta(tx, 'data_version')) ?? 0),
        asOf,
        bands: JSON.stringify(Object.fromEntries(new RulePlan(rules.ruleSet, asOf).zoneBands())),
      },
    );
    return syncCasesFromFlags(tx, runId);
  });
}

export async function enterprisesIn(db: Queryable, prefecture: string, count: number): Promise<string[]> {
  const rows = await db.all<{ id: string }>('SELECT id FROM enterprises WHERE region_code LIKE $p ORDER BY id LIMIT $n', {
    p: `${prefecture.slice(0, 4)}%`,
    n: count,
  });
  if (rows.length < count) throw new Error(`fixture needs ${count} enterprises in ${prefecture}, the database has ${rows.length}`);
  return rows.map((r) => r.id);
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function account(db: Database, username: string, role: Role, region: string | null = null) {
  return addUser(db, { username, role, region, password: TEST_PASSWORD }, 'test');
}

/** A logged-in browser session: the cookie header and the CSRF token to send on writes. */
export async function sessionOf(db: Database, userId: number): Promise<{ cookie: string; csrf: string }> {
  const s = await createSession(db, userId);
  return { cookie: `greenline_session=${s.token}`, csrf: s.csrfToken };
}
