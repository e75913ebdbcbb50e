/** Screening results: flags, notes and zone hits, written in bulk and read per enterprise. */
import { ACTIONS } from '../domain/actions.ts';
import type { Flag } from '../domain/flag.ts';
import { type BatchOutput, NO_DEADLINE } from '../domain/screening/screen-batch.ts';
import { appendColumns, appendRecords } from './bulk.ts';
import type { Queryable } from './database.ts';
import type { Columns } from './tables.ts';

/** What a run stores per flag; the rule's texts are stored once per run (run_rules). */
export const FLAG_ROW_COLUMNS = [
  ['enterprise_id', 'VARCHAR'],
  ['rule_id', 'VARCHAR'],
  ['action', 'VARCHAR'],
  ['severity', 'INTEGER'],
  ['deadline', 'DATE'],
  ['evidence', 'JSON'],
  ['run_id', 'INTEGER'],
] as const satisfies Columns;

/** A run's rule texts, once per rule (run_rules holds them with the run id). */
export const RULE_TEXT_COLUMNS = [
  ['rule_id', 'VARCHAR'],
  ['policy', 'VARCHAR'],
  ['citation', 'VARCHAR'],
  ['title_zh', 'VARCHAR'],
  ['title_en', 'VARCHAR'],
  ['jurisdiction', 'VARCHAR'],
  ['citation_zh', 'VARCHAR'],
] as const satisfies Columns;

export interface RuleText {
  rule_id: string;
  policy: string;
  citation: string;
  title_zh: string;
  title_en: string;
  jurisdiction: string;
  citation_zh: string | null;
}

/** A batch's flags as screening hands them over (screen-batch.ts). */
export type FlagColumns = BatchOutput['flags'];

/**
 * Flags arrive in batches as columns of verdicts, mostly numbers; the enterprise id, the rule id
 * and the action name are joined in by DuckDB at the end instead of crossing from JavaScript half a
 * million times each, and the rule's texts are stored once for the run.
 */
export class FlagWriter {
  /** Evidence texts stored so far; a batch's indexes are offset by it. */
  private texts = 0;

  private constructor(private readonly q: Queryable) {}

  static async start(q: Queryable): Promise<FlagWriter> {
    await q.run(
      'CREATE OR REPLACE TEMP TABLE flag_verdicts (key INTEGER, rule INTEGER, action INTEGER, severity INTEGER, deadline INTEGER, evidence INTEGER)',
    );
    // JSON, so each distinct text is validated once here rather than once per flag on insert.
    await q.run('CREATE OR REPLACE TEMP TABLE flag_evidence (id INTEGER, evidence JSON)');
    await q.run('CREATE OR REPLACE TEMP TABLE screening_note_rows (key INTEGER, rule_id VARCHAR, message VARCHAR)');
    return new FlagWriter(q);
  }

  /** One batch: its flags, their evidence texts (flags.evidence indexes into them) and its notes. */
  async add(flags: FlagColumns, evidenceTexts: readonly string[], notes: BatchOutput['notes']): Promise<void> {
    const v = (name: string) => [name, 'VARCHAR'] as const;
    const base = this.texts;
    await appendColumns(
      this.q,
      'flag_evidence',
      [
        ['id', 'INTEGER'],
        ['evidence', 'JSON'],
      ],
      [Int32Array.from(evidenceTexts, (_, i) => base + i), evidenceTexts],
    );
    this.texts += evidenceTexts.length;
    await appendColumns(
      this.q,
      'flag_verdicts',
      [
        ['key', 'INTEGER'],
        ['rule', 'INTEGER'],
        ['action', 'INTEGER'],
        ['severity', 'INTEGER'],
        ['deadline', 'INTEGER'],
        ['evidence', 'INTEGER'],
      ],
      [flags.key, flags.rule, flags.action, flags.severity, flags.deadline, flags.evidence.map((e) => base + e)],
    );
    await appendColumns(
      this.q,
      'screening_note_rows',
      [['key', 'INTEGER'], v('rule_id'), v('message')],
      [notes.key, notes.rule_id, notes.message],
    );
  }

  /** Moves everything added into flags and screening_notes; rules in rule-set order; returns the flag count. */
  async finish(rules: readonly RuleText[], runId: number): Promise<number> {
    await this.q.run(
      `CREATE OR REPLACE TEMP TABLE flag_rules (rule INTEGER, ${RULE_TEXT_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
    );
    await appendRecords(
      this.q,
      'flag_rules',
      [['rule', 'INTEGER'], ...RULE_TEXT_COLUMNS],
      rules.map((r, i) => ({ ...r, rule: i })),
    );
    // Action names by code: ACTIONS is a constant of the code, not input.
    const actions = `[${ACTIONS.map((a) => `'${a}'`).join(', ')}]`;
    await this.q.run(
      `INSERT INTO run_rules (run_id, ${RULE_TEXT_COLUMNS.map(([c]) => c).join(', ')})
       SELECT $run, ${RULE_TEXT_COLUMNS.map(([c]) => c).join(', ')} FROM flag_rules`,
      { run: runId },
    );
    await this.q.run(
      `INSERT INTO flag_rows (${FLAG_ROW_COLUMNS.map(([c]) => c).join(', ')})
       SELECT e.id, r.rule_id, ${actions}[v.action], v.severity,
              CASE WHEN v.deadline = ${NO_DEADLINE} THEN NULL ELSE DATE '1970-01-01' + v.deadline END, x.evidence, $run
       FROM flag_verdicts v JOIN flag_rules r ON r.rule = v.rule JOIN enterprises e ON e.key = v.key
       JOIN flag_evidence x ON x.id = v.evidence`,
      { run: runId },
    );
    await this.q.run(
      'INSERT INTO screening_notes SELECT e.id, n.rule_id, n.message, $run FROM screening_note_rows n JOIN enterprises e ON e.key = n.key',
      { run: runId },
    );
    const n = (await this.q.one<{ n: number }>('SELECT count(*) AS n FROM flag_verdicts'))?.n ?? 0;
    for (const t of ['flag_verdicts', 'flag_evidence', 'screening_note_rows', 'flag_rules']) await this.q.run(`DROP TABLE ${t}`);
    return n;
  }
}

export async function flagsOfEnterprise(q: Queryable, id: string): Promise<Flag[]> {
  const rows = await q.all<Record<string, unknown>>(
    `SELECT enterprise_id, rule_id, policy, citation, citation_zh, title_zh, title_en, action, severity,
            strftime(deadline, '%Y-%m-%d') AS deadline, jurisdiction, evidence::VARCHAR AS evidence
     FROM flags WHERE enterprise_id = $id ORDER BY severity DESC, rule_id`,
    { id },
  );
  return rows.map((r) => ({ ...(r as unknown as Flag), evidence: JSON.parse(String(r.evidence)) as Flag['evidence'] }));
}

export async function notesOfEnterprise(q: Queryable, id: string): Promise<{ rule_id: string | null; message: string }[]> {
  return q.all('SELECT rule_id, message FROM screening_notes WHERE enterprise_id = $id ORDER BY rule_id NULLS FIRST', { id });
}

/**
 * A flag whose action is none of ACTIONS, if the table holds one; with `touchedOnly`, among the
 * enterprises a partial run touched (temp table screen_touched): the others' were checked by the
 * runs that wrote them.
 */
export async function flagWithUnknownAction(
  q: Queryable,
  options: { touchedOnly?: boolean } = {},
): Promise<{ enterprise_id: string; rule_id: string; action: string } | undefined> {
  const touched = options.touchedOnly ? 'AND enterprise_id IN (SELECT enterprise_id FROM screen_touched)' : '';
  // The rows, not the flags view: its join to the run's rule texts adds nothing here and, inside
  // the run's transaction, took 60 ms at five million flags where the rows take 2.
  return q.one<{ enterprise_id: string; rule_id: string; action: string }>(
    `SELECT enterprise_id, rule_id, action FROM flag_rows WHERE action NOT IN (${ACTIONS.map((a) => `'${a}'`).join(', ')}) ${touched} LIMIT 1`,
  );
}

/** A flag with the enterprise it belongs to, as the flag export lists it. */
export interface FlagWithEnterprise {
  enterprise_id: string;
  enterprise_name: string;
  credit_code: string | null;
  region_code: string | null;
  sector: string;
  lon: number;
  lat: number;
  flag: Flag;
  run_id: number;
}

const FLAGS_WITH_ENTERPRISE = `SELECT f.enterprise_id, e.name AS enterprise_name, e.credit_code, e.region_code, e.sector, e.lon, e.lat,
    f.rule_id, f.policy, f.citation, f.citation_zh, f.title_zh, f.title_en, f.action, f.severity, strftime(f.deadline, '%Y-%m-%d') AS deadline,
    f.jurisdiction, f.evidence::VARCHAR AS evidence, f.run_id
  FROM flags f JOIN enterprises e ON e.id = f.enterprise_id
  ORDER BY f.enterprise_id, f.severity DESC, f.rule_id`;

/** Every flag with its enterprise, by enterprise, then most severe first, then rule. */
export async function listFlagsWithEnterprise(q: Queryable): Promise<FlagWithEnterprise[]> {
  const rows = await q.all<Record<string, unknown>>(FLAGS_WITH_ENTERPRISE);
  return rows.map((r) => ({
    enterprise_id: r.enterprise_id as string,
    enterprise_name: r.enterprise_name as string,
    credit_code: (r.credit_code ?? null) as string | null,
    region_code: (r.region_code ?? null) as string | null,
    sector: r.sector as string,
    lon: r.lon as number,
    lat: r.lat as number,
    run_id: r.run_id as number,
    flag: {
      enterprise_id: r.enterprise_id as string,
      rule_id: r.rule_id as string,
      policy: r.policy as string,
      citation: r.citation as string,
      citation_zh: (r.citation_zh ?? null) as string | null,
      title_zh: r.title_zh as string,
      title_en: r.title_en as string,
      action: r.action as Flag['action'],
      severity: r.severity as number,
      deadline: (r.deadline ?? null) as string | null,
      jurisdiction: r.jurisdiction as string,
      evidence: JSON.parse(String(r.evidence)) as Flag['evidence'],
    },
  }));
}
