import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { listAudit } from '../../db/audit-store.ts';
import type { CaseFilter } from '../../db/case-query.ts';
import { Database } from '../../db/database.ts';
import { ACTIONS } from '../../domain/actions.ts';
import { CASE_STATUSES } from '../../domain/case-lifecycle.ts';
import { isRegionCode } from '../../domain/regions.ts';
import { auditCsv } from '../../export/export-audit.ts';
import { ENTERPRISE_EXPORT_FORMATS, exportEnterprises } from '../../export/export-enterprises.ts';
import { LEDGER_FORMATS, ledgerFile } from '../../export/export-ledger.ts';
import { writeAtomic } from '../../export/write-atomic.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { oneOf } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** The ledger filters of GET /api/cases, as options. */
function ledgerFilter(opts: { region?: string; status?: string; action?: string; overdue?: boolean }): CaseFilter {
  const filter: CaseFilter = {};
  const regions = list(opts.region);
  for (const r of regions) if (!isRegionCode(r)) throw new Error(`--region must be six-digit GB/T 2260 codes, got "${r}"`);
  if (regions.length) filter.regions = regions;
  const statuses = list(opts.status).map((s) => oneOf('--status', s, CASE_STATUSES));
  if (statuses.length) filter.statuses = statuses;
  const actions = list(opts.action).map((a) => oneOf('--action', a, ACTIONS));
  if (actions.length) filter.actions = actions;
  if (opts.overdue) filter.overdue = true;
  return filter;
}

export function exportCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('export').description('export data to a file');

  cmd
    .command('enterprises')
    .description('enterprises as CSV (UTF-8 with BOM) or GeoJSON')
    .requiredOption('--format <format>', ENTERPRISE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: { format: string; out: string }) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const format = oneOf('--format', opts.format, ENTERPRISE_EXPORT_FORMATS);
        const db = await Database.open(path);
        try {
          const count = await exportEnterprises(db, format, opts.out);
          out.done({ exported: count, format, out: opts.out }, `exported ${count} enterprises to ${opts.out}`);
        } finally {
          db.close();
        }
      } catch (error) {
        out.fail(error);
      }
    });

  cmd
    .command('ledger')
    .description("the officials' ledger (台账) as XLSX or CSV, in its usual columns")
    .requiredOption('--format <format>', LEDGER_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .option('--region <codes>', 'GB/T 2260 codes, comma-separated')
    .option('--status <statuses>', CASE_STATUSES.join(','))
    .option('--action <actions>', 'actions, comma-separated')
    .option('--overdue', 'only overdue cases')
    .action(async (opts: { format: string; out: string; region?: string; status?: string; action?: string; overdue?: boolean }) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const format = oneOf('--format', opts.format, LEDGER_FORMATS);
        const filter = ledgerFilter(opts);
        const { body, count } = await withDatabase(path, (db) => ledgerFile(db, format, filter));
        await writeAtomic(opts.out, (tmp) => writeFile(tmp, body));
        out.done({ exported: count, format, out: opts.out }, `exported ${count} cases to ${opts.out}`);
      } catch (error) {
        out.fail(error);
      }
    });

  cmd
    .command('audit')
    .description("the audit log as CSV, with each entry's hash")
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: { out: string }) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const { items } = await withDatabase(path, (db) => listAudit(db));
        await writeAtomic(opts.out, (tmp) => writeFile(tmp, auditCsv(items)));
        out.done({ exported: items.length, out: opts.out }, `exported ${items.length} audit entries to ${opts.out}`);
      } catch (error) {
        out.fail(error);
      }
    });
}
