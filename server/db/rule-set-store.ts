/** Rule sets are stored whole, one row per loaded version; the newest is the one in force. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseRuleSet } from '../domain/rules/parse-rule-set.ts';
import type { RuleSetT } from '../domain/rules/rule-schema.ts';
import type { Queryable } from './database.ts';

export const DEFAULT_RULES_FILE = new URL('../../data/rules/default.json', import.meta.url);

export interface StoredRuleSet {
  version: number;
  name: string;
  ruleSet: RuleSetT;
}

/** Validates and stores a rule set as the next version. Throws RuleSetError naming rule and field. */
export async function storeRuleSet(q: Queryable, text: string, source: string, user: string): Promise<StoredRuleSet> {
  const ruleSet = parseRuleSet(text, source);
  const sha = createHash('sha256').update(text).digest('hex');
  const next = ((await q.one<{ v: number | null }>('SELECT max(version) AS v FROM rule_sets'))?.v ?? 0) + 1;
  await q.run('INSERT INTO rule_sets (version, name, loaded_by, source_sha256, body) VALUES ($v, $name, $user, $sha, $body)', {
    v: next,
    name: `${ruleSet.name} ${ruleSet.version}`,
    user,
    sha,
    body: JSON.stringify(ruleSet),
  });
  return { version: next, name: ruleSet.name, ruleSet };
}

/** The rule set in force; the shipped default is stored as version 1 the first time it is needed. */
export async function activeRuleSet(q: Queryable): Promise<StoredRuleSet> {
  const row = await q.one<{ version: number; name: string; body: string }>(
    'SELECT version, name, body::VARCHAR AS body FROM rule_sets ORDER BY version DESC LIMIT 1',
  );
  if (row) return { version: row.version, name: row.name, ruleSet: parseRuleSet(row.body, `rule set version ${row.version}`) };
  return storeRuleSet(q, readFileSync(DEFAULT_RULES_FILE, 'utf8'), 'data/rules/default.json', 'system');
}
