/**
 * Reads a rule set from JSON or YAML text and validates it, turning every schema problem into a
 * message that names the file, the rule (by id) and the field: `default.json: rule P4-blast-furnace
 * (rules[5]) field when.equipment.min: expected number, received string ("400")`.
 */
import { parse as parseYaml } from 'yaml';
import { RuleSet, type RuleSetT } from './rule-schema.ts';

export class RuleSetError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid rule set: ${problems.join('; ')}`);
    this.name = 'RuleSetError';
  }
}

export function parseRuleSet(text: string, source: string): RuleSetT {
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(source) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new RuleSetError(source, [`not valid ${/\.ya?ml$/i.test(source) ? 'YAML' : 'JSON'}: ${(error as Error).message}`]);
  }
  const result = RuleSet.safeParse(raw);
  if (result.success) return result.data;
  const rules = (raw as { rules?: { id?: unknown }[] } | null)?.rules;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    let where = path.length ? `field ${path.join('.')}` : 'top level';
    if (path[0] === 'rules' && path[1] !== undefined) {
      const i = Number(path[1]);
      const id = Array.isArray(rules) ? rules[i]?.id : undefined;
      const field = path.slice(2).join('.') || '(rule)';
      where = `rule ${typeof id === 'string' ? id : '(no id)'} (rules[${i}]) field ${field}`;
    }
    const received = valueAt(raw, issue.path);
    const got = received === undefined ? '' : ` (got ${JSON.stringify(received)})`;
    return `${where}: ${issue.message}${got}`;
  });
  throw new RuleSetError(source, problems);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return typeof node === 'object' ? undefined : node;
}
