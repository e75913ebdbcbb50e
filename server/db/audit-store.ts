/**
 * The audit log's only door. It appends and reads; it has no function that updates or deletes an
 * entry, and no other module writes to audit_log (test/api/audit-immutable.test.ts checks both).
 * Each entity's entries form a SHA-256 chain; verifyAuditChain() recomputes every link.
 */
import { hash } from 'node:crypto';
import { type AuditEntity, type AuditEntry, type AuditEvent, type AuditInput, canonicalAuditText, GENESIS_HASH } from '../domain/audit.ts';
import { yieldToEventLoop } from '../event-loop.ts';
import { appendRecords } from './bulk.ts';
import type { Queryable } from './database.ts';
import { listValue } from './duckdb.ts';
import type { Columns } from './tables.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

const AUDIT_COLUMNS = [
  ['id', 'INTEGER'],
  ['logged_at', 'TIMESTAMP'],
  ['actor', 'VARCHAR'],
  ['entity', 'VARCHAR'],
  ['entity_id', 'VARCHAR'],
  ['seq', 'INTEGER'],
  ['event', 'VARCHAR'],
  ['from_value', 'VARCHAR'],
  ['to_value', 'VARCHAR'],
  ['reason', 'VARCHAR'],
  ['details', 'JSON'],
  ['prev_hash', 'VARCHAR'],
  ['hash', 'VARCHAR'],
] as const satisfies Columns;

// One-shot hashing: a first screening hashes a million entries, and a Hash object each costs more
// than the digest.
const hashOf = (entry: Omit<AuditEntry, 'id' | 'hash'>) => hash('sha256', canonicalAuditText(entry), 'hex');

async function chainHeads(q: Queryable, entity: AuditEntity, ids: string[]): Promise<Map<string, { seq: number; hash: string }>> {
  // A semi-join on the ids given: only their heads come back, however many entries the log holds.
  const rows = await q.all<{ entity_id: string; seq: number; hash: string }>(
    `SELECT entity_id, max(seq) AS seq, arg_max(hash, seq) AS hash FROM audit_log
     WHERE entity = $entity AND entity_id IN (SELECT unnest($ids)) GROUP BY entity_id`,
    { entity, ids: listValue(ids) },
  );
  return new Map(rows.map((r) => [r.entity_id, { seq: r.seq, hash: r.hash }]));
}

/**
 * Appends entries in the caller's transaction, all stamped with the same time, chained after each
 * entity's last entry (and after each other, in the order given).
 */
export async function appendAudit(q: Queryable, inputs: readonly AuditInput[], at: Date = new Date()): Promise<AuditEntry[]> {
  if (inputs.length === 0) return [];
  const heads = new Map<string, { seq: number; hash: string }>();
  const byEntity = new Map<AuditEntity, Set<string>>();
  for (const input of inputs) {
    const set = byEntity.get(input.entity) ?? new Set<string>();
    set.add(input.entity_id);
    byEntity.set(input.entity, set);
  }
  for (const [entity, ids] of byEntity) {
    for (const [id, head] of await chainHeads(q, entity, [...ids])) heads.set(`${entity}/${id}`, head);
  }
  const ids = await q.all<{ id: number }>(`SELECT nextval('audit_id') AS id FROM range(${inputs.length})`);
  const iso = at.toISOString();
  const entries: AuditEntry[] = [];
  for (const [i, input] of inputs.entries()) {
    const key = `${input.entity}/${input.entity_id}`;
    const head = heads.get(key) ?? { seq: 0, hash: GENESIS_HASH };
    const body = { ...input, at: iso, seq: head.seq + 1, prev_hash: head.hash };
    const entry = { ...body, id: ids[i]?.id as number, hash: hashOf(body) };
    heads.set(key, { seq: entry.seq, hash: entry.hash });
    entries.push(entry);
    // Screening can open tens of thousands of cases at once, each a hash here.
    if ((i + 1) % 2048 === 0) await yieldToEventLoop();
  }
  await appendRecords(
    q,
    'audit_log',
    AUDIT_COLUMNS,
    (function* () {
      for (const e of entries) yield { ...e, logged_at: at, from_value: e.from, to_value: e.to };
    })(),
  );
  return entries;
}

export interface AuditFilter {
  entity?: AuditEntity;
  entityId?: string;
  /** Only entries about cases inside this region (and no account entries). */
  region?: string | null;
  event?: AuditEvent;
  actor?: string;
  /** Entries logged at or after this instant. */
  since?: Date;
  /** Entries logged before this instant. */
  before?: Date;
  /** Newest first instead of in the order written. */
  newestFirst?: boolean;
  limit?: number;
  offset?: number;
}

const SELECT_ENTRY = `SELECT a.id, ${isoOf('a.logged_at')} AS at, a.actor, a.entity, a.entity_id, a.seq, a.event,
  a.from_value AS "from", a.to_value AS "to", a.reason, a.details::VARCHAR AS details, a.prev_hash, a.hash FROM audit_log a`;

function auditWhere(filter: AuditFilter): { sql: string; params: Record<string, string | number> } {
  const clauses: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.entity) {
    clauses.push('a.entity = $entity');
    params.entity = filter.entity;
  }
  if (filter.entityId !== undefined) {
    clauses.push('a.entity_id = $entityId');
    params.entityId = filter.entityId;
  }
  if (filter.region) {
    clauses.push(`a.entity = 'case' AND a.entity_id IN (SELECT CAST(id AS VARCHAR) FROM cases WHERE region_code LIKE $region)`);
    params.region = regionLike(filter.region);
  }
  if (filter.event) {
    clauses.push('a.event = $event');
    params.event = filter.event;
  }
  if (filter.actor !== undefined) {
    clauses.push('a.actor = $actor');
    params.actor = filter.actor;
  }
  if (filter.since) {
    clauses.push('a.logged_at >= CAST($since AS TIMESTAMP)');
    params.since = sqlTimestamp(filter.since);
  }
  if (filter.before) {
    clauses.push('a.logged_at < CAST($before AS TIMESTAMP)');
    params.before = sqlTimestamp(filter.before);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function regionLike(code: string): string {
  if (code.endsWith('0000')) return `${code.slice(0, 2)}%`;
  if (code.endsWith('00')) return `${code.slice(0, 4)}%`;
  return code;
}

const toEntry = (row: Record<string, unknown>): AuditEntry => ({
  ...(row as unknown as AuditEntry),
  details: row.details === null ? null : (JSON.parse(String(row.details)) as Record<string, unknown>),
});

/** Entries in the order they were written (or newest first). */
export async function listAudit(q: Queryable, filter: AuditFilter = {}): Promise<{ items: AuditEntry[]; total: number }> {
  const where = auditWhere(filter);
  const order = filter.newestFirst ? 'DESC' : 'ASC';
  const rows = await q.all(`${SELECT_ENTRY} ${where.sql} ORDER BY a.id ${order} LIMIT $limit OFFSET $offset`, {
    ...where.params,
    limit: filter.limit ?? 1_000_000_000,
    offset: filter.offset ?? 0,
  });
  const total = await q.one<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${where.sql}`, where.params);
  return { items: rows.map(toEntry), total: total?.n ?? 0 };
}

export interface ChainProblem {
  entity: string;
  entity_id: string;
  seq: number;
  message: string;
}

export interface ChainReport {
  entries: number;
  chains: number;
  problems: ChainProblem[];
}

/** Recomputes every entity's chain: sequence without gaps, each link and each hash. */
export async function verifyAuditChain(q: Queryable): Promise<ChainReport> {
  const rows = (await q.all(`${SELECT_ENTRY} ORDER BY a.entity, a.entity_id, a.seq`)).map(toEntry);
  const problems: ChainProblem[] = [];
  let chains = 0;
  let previous: AuditEntry | null = null;
  for (const entry of rows) {
    const first = previous === null || previous.entity !== entry.entity || previous.entity_id !== entry.entity_id;
    if (first) chains++;
    const expectedSeq = first ? 1 : (previous as AuditEntry).seq + 1;
    const expectedPrev = first ? GENESIS_HASH : (previous as AuditEntry).hash;
    const where = { entity: entry.entity, entity_id: entry.entity_id, seq: entry.seq };
    if (entry.seq !== expectedSeq)
      problems.push({ ...where, message: `expected entry ${expectedSeq}, found ${entry.seq}: entries are missing` });
    if (entry.prev_hash !== expectedPrev) problems.push({ ...where, message: 'does not link to the entry before it' });
    const { id: _id, hash, ...body } = entry;
    if (hashOf(body) !== hash) problems.push({ ...where, message: 'content does not match its hash: the entry was altered' });
    previous = entry;
  }
  return { entries: rows.length, chains, problems };
}

/**
 * The first audit entry of every case in a staged table of new cases (case-open-store.ts: columns
 * n, enterprise_id, action, deadline, rule_ids; case id = caseBase + n), written in one statement:
 * what appendAudit would write for the screening's `created` entry, with the hash computed by
 * DuckDB's sha256 over canonicalAuditText's text (domain/audit.ts). DuckDB's to_json writes strings
 * as JSON.stringify does; verifyAuditChain recomputes every hash in JavaScript.
 */
export async function auditFreshCases(
  q: Queryable,
  table: string,
  ids: { caseBase: number; auditBase: number; at: Date; runId: number | null },
): Promise<void> {
  const { caseBase, auditBase, at, runId } = ids;
  const run: Record<string, number> = runId === null ? {} : { run: runId };
  // The details as appendAudit's caller stores them (its key order), and sorted by key as the hash covers them.
  const reason = `json_object('key', 'flagged_by', 'params', json_object('rules', rule_ids))`;
  const deadline = `strftime(deadline, '%Y-%m-%d')`;
  const runField = (first: boolean) => (runId === null ? '' : first ? `'run_id', $run::INTEGER, ` : `, 'run_id', $run::INTEGER`);
  const stored = `json_object(${runField(true)}'enterprise_id', enterprise_id, 'action', action, 'deadline', ${deadline}, 'reason', ${reason})`;
  const sorted = `json_object('action', action, 'deadline', ${deadline}, 'enterprise_id', enterprise_id, 'reason', ${reason}${runField(false)})`;
  const caseId = '($caseBase::BIGINT + n)';
  // canonicalAuditText: [entity, entity_id, seq, at, actor, event, from, to, reason, details, prev_hash]
  const canonical = `'["case",' || to_json(${caseId}::VARCHAR) || ',1,' || to_json($iso::VARCHAR)
    || ',"screening","created",null,"identified",' || to_json('flagged by ' || rule_ids) || ',' || ${sorted} || ',""]'`;
  await q.run(
    `INSERT INTO audit_log (id, logged_at, actor, entity, entity_id, seq, event, from_value, to_value, reason, details, prev_hash, hash)
     SELECT $auditBase::BIGINT + n, make_timestamp($us::BIGINT), 'screening', 'case', ${caseId}::VARCHAR, 1, 'created', NULL, 'identified',
            'flagged by ' || rule_ids, ${stored}, '', sha256(${canonical})
     FROM ${table}`,
    { caseBase, auditBase, us: BigInt(at.getTime()) * 1000n, iso: at.toISOString(), ...run },
  );
}
