/** The audit log as CSV, one row per entry, with the hashes so a reader can re-check the chain. */
import type { AuditEntry } from '../domain/audit.ts';
import { csvText } from './csv-text.ts';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'actor',
  'entity',
  'entity_id',
  'seq',
  'event',
  'from',
  'to',
  'reason',
  'details',
  'prev_hash',
  'hash',
] as const;

export function auditCsv(entries: readonly AuditEntry[]): string {
  return csvText(
    AUDIT_CSV_COLUMNS,
    entries.map((e) =>
      AUDIT_CSV_COLUMNS.map((col) => (col === 'details' ? (e.details === null ? '' : JSON.stringify(e.details)) : e[col])),
    ),
  );
}
