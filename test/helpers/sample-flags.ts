/**
 * Realistic screening results for tests written before, or without, the screening engine: a few
 * rules from domain.md's policy table applied with plain SQL, as flags and zone_hits rows citing
 * screening run 1. Deterministic for a database.
 */
import type { Queryable } from '../../server/db/database.ts';
import { setMeta } from '../../server/db/meta-store.ts';

interface SampleRule {
  rule_id: string;
  policy: string;
  citation: string;
  title_zh: string;
  title_en: string;
  action: string;
  severity: number;
  where: string;
  evidence: string;
}

const RULES: SampleRule[] = [
  {
    rule_id: 'P2-steel-built-up',
    policy: 'P2',
    citation: 'MIIT Three-Year Action Plan (2018–2020), relocation of polluting enterprises in built-up areas',
    title_zh: '城市建成区内钢铁企业搬迁',
    title_en: 'Steel plant in an urban built-up area relocates',
    action: 'relocate',
    severity: 3,
    where: "sector LIKE 'C31%' AND key % 3 = 0",
    evidence: `json_array(json_object('kind', 'zone', 'zone_id', 'BU-' || region_code, 'zone_name', '建成区', 'zone_kind', 'built_up', 'zone_type', NULL, 'distance_m', 0))`,
  },
  {
    rule_id: 'P7-scattered-dirty',
    policy: 'P7',
    citation: 'Inner Mongolia 2019 work points, scattered and dirty enterprises',
    title_zh: '散乱污企业关停取缔',
    title_en: 'Scattered and dirty enterprise closes',
    action: 'close',
    severity: 2,
    where: 'scattered_dirty',
    evidence: `json_array(json_object('kind', 'comparison', 'subject', 'scattered_dirty', 'value', true, 'operator', '=', 'threshold', true))`,
  },
  {
    rule_id: 'P12-green-factory',
    policy: 'P12',
    citation: 'MIIT green manufacturing system',
    title_zh: '绿色工厂',
    title_en: 'Green factory',
    action: 'green',
    severity: 0,
    where: 'green_factory',
    evidence: `json_array(json_object('kind', 'comparison', 'subject', 'green_factory', 'value', true, 'operator', '=', 'threshold', true))`,
  },
];

export async function insertSampleFlags(q: Queryable): Promise<void> {
  for (const r of RULES) {
    await q.run(
      `INSERT INTO flags (enterprise_id, rule_id, policy, citation, title_zh, title_en, action, severity, deadline, jurisdiction, evidence, run_id)
       SELECT id, $rule_id, $policy, $citation, $title_zh, $title_en, $action, $severity, DATE '2020-12-31', '000000', ${r.evidence}, 1
       FROM enterprises WHERE ${r.where}`,
      {
        rule_id: r.rule_id,
        policy: r.policy,
        citation: r.citation,
        title_zh: r.title_zh,
        title_en: r.title_en,
        action: r.action,
        severity: r.severity,
      },
    );
  }
  await q.run(
    `INSERT INTO zone_hits (enterprise_id, zone_id, zone_kind, zone_type, distance_m)
     SELECT id, 'BU-' || region_code, 'built_up', NULL, 0 FROM enterprises WHERE sector LIKE 'C31%' AND key % 3 = 0`,
  );
  await setMeta(q, 'screening_run', '1');
}
