/**
 * Which rules flag which enterprise, as one bit per rule (column-payload.ts, ruleMaskSchema), for
 * the map's rule filter. Rules are numbered in rule_id order; the list and the masks are read in
 * one transaction so that they describe the same screening run.
 */
import { allocateColumns, ruleMaskSchema, ruleMaskWords } from '../domain/column-payload.ts';
import type { Database } from './database.ts';
import { getMeta } from './meta-store.ts';
import { readColumns } from './read-columns.ts';

export interface RuleSummary {
  rule_id: string;
  title_zh: string;
  title_en: string;
  policy: string;
  action: string;
  /** Enterprises the rule flags. */
  enterprises: number;
}

export interface RuleMasks {
  screeningRun: number;
  rules: RuleSummary[];
  buffer: ArrayBuffer;
}

export async function readRuleMasks(db: Database, dataVersion: number): Promise<RuleMasks> {
  return db.transaction(async (tx) => {
    const screeningRun = Number((await getMeta(tx, 'screening_run')) ?? 0);
    const rules = await tx.all<RuleSummary>(
      `SELECT rule_id, any_value(title_zh) AS title_zh, any_value(title_en) AS title_en, any_value(policy) AS policy,
              any_value(action) AS action, count(DISTINCT enterprise_id) AS enterprises
       FROM flags GROUP BY rule_id ORDER BY rule_id`,
    );
    const bit = new Map(rules.map((r, i) => [r.rule_id, i]));
    const words = ruleMaskWords(rules.length);
    const total = (await tx.one<{ n: number }>('SELECT count(*) AS n FROM enterprises'))?.n ?? 0;
    const { buffer, set } = allocateColumns(ruleMaskSchema(words), total, dataVersion, screeningRun);
    const [idx, ruleId] = await readColumns(
      tx,
      `WITH ordered AS (SELECT id, (row_number() OVER (ORDER BY key) - 1)::INTEGER AS idx FROM enterprises)
       SELECT DISTINCT o.idx, f.rule_id FROM flags f JOIN ordered o ON o.id = f.enterprise_id`,
      ['int32', 'text'],
    );
    const mask = set.columns.mask;
    for (let k = 0; k < idx.length; k++) {
      const b = bit.get(ruleId[k] as string) as number;
      const at = (idx[k] as number) * words + (b >>> 5);
      mask[at] = ((mask[at] as number) | (1 << (b & 31))) >>> 0;
    }
    return { screeningRun, rules, buffer };
  });
}
