/**
 * What an import reports: every problem with the row (numbered as a spreadsheet shows it, the
 * header being row 1), the field, the offending value, and what is wrong as a reason (a key and
 * parameters, which each UI words in its language) and as an English message for the CLI and logs.
 */
import type { Params, Reason } from '../domain/reasons.ts';
import { inEnglish } from '../domain/reasons.ts';

export interface Problem {
  row: number | null;
  field: string | null;
  value: string | null;
  reason: Reason;
  /** The reason in English. */
  message: string;
}

/** An error whose cause a problem can name: its message is the reason's English wording. */
export class ReasonError extends Error {
  constructor(readonly reason: Reason) {
    super(inEnglish(reason));
    this.name = 'ReasonError';
  }
}

export interface ImportReport {
  file: string;
  imported: number;
  /** Of the imported rows, how many replaced an existing record. */
  updated: number;
  skipped: number;
  errors: Problem[];
  warnings: Problem[];
}

/** Thrown when an all-or-nothing import meets invalid rows; the database is left untouched. */
export class ImportFailedError extends Error {
  constructor(readonly report: ImportReport) {
    const first = report.errors[0];
    const where = first ? ` (first: ${formatProblem(report.file, first)})` : '';
    super(
      report.skipped > 0 || !first
        ? `${report.file}: ${report.skipped} invalid row(s), nothing imported${where}`
        : `${formatProblem(report.file, first)}; nothing imported`,
    );
    this.name = 'ImportFailedError';
  }
}

/**
 * Copies a string out of the buffer it was sliced from: V8 keeps the whole parsed chunk (up to
 * a megabyte) alive for as long as any substring of it lives, and problems live to the end.
 */
const detach = (s: string) => (s.length > 200 ? s : Buffer.from(s, 'utf8').toString('utf8'));

export function problem(row: number | null, field: string | null, value: unknown, reason: Reason): Problem {
  return {
    row,
    field: field === null ? null : detach(field),
    value: value === undefined || value === null ? null : detach(String(value)),
    reason: { key: reason.key, params: detachParams(reason.params) },
    message: inEnglish(reason),
  };
}

function detachParams(params: Params): Params {
  const out: Params = {};
  for (const k in params) {
    const v = params[k] as string | number;
    out[k] = typeof v === 'string' ? detach(v) : v;
  }
  return out;
}

export function formatProblem(file: string, p: Problem): string {
  const at = [p.row !== null ? `row ${p.row}` : null, p.field ? `field ${p.field}` : null].filter(Boolean).join(', ');
  const value = p.value !== null ? ` value "${p.value}"` : '';
  return `${file}${at ? ` ${at}` : ''}:${value} ${p.message}`;
}

/** How many problems of each kind an import keeps; past it, they are only counted. */
export const PROBLEM_LIMIT = 10_000;

/** Collects problems but keeps memory bounded on files where every row is wrong. */
export class ProblemList {
  readonly items: Problem[] = [];
  total = 0;

  constructor(private readonly limit = PROBLEM_LIMIT) {}

  add(p: Problem): void {
    this.total++;
    if (this.items.length < this.limit) this.items.push(p);
  }

  /** The problems in file order (file-wide ones first); checks made after reading add theirs late. */
  sorted(): Problem[] {
    return [...this.items].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}
