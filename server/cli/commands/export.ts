import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { CaseFilter } from '../../db/case-query.ts';
import type { Database } from '../../db/database.ts';
import { ACTIONS } from '../../domain/actions.ts';
import { MAX_NO_SITE_WITHIN_KM, SITE_FILTERS } from '../../domain/case.ts';
import { CASE_STATUSES, chinaToday } from '../../domain/case-lifecycle.ts';
import { isRegionCode } from '../../domain/regions.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import {
  ENTERPRISE_EXPORT_FORMATS,
  FLAG_EXPORT_FORMATS,
  LEDGER_FORMATS,
  MAX_WITHIN_METRES,
  ZONE_EXPORT_FORMATS,
} from '../../export/export-kinds.ts';
import type { ExportResult } from '../../export/formats/table.ts';
import { userPath } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { numberOption, oneOf } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

// The writers (ExcelJS, Parquet, shapefile) are imported when an export runs, not to describe one.
/** Opens the database, runs one export, and prints the result by the CLI contract. */
function exporting(globals: () => GlobalOptions, run: (db: Database) => Promise<{ result: object; line: string }>) {
  return async () => {
    const { db: path, json } = globals();
    const out = new Output(json);
    try {
      const { result, line } = await withDatabase(path, run);
      out.done(result, line);
    } catch (error) {
      out.fail(error);
    }
  };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** An export's result as the CLI prints it, with any notes the format forced (e.g. shapefile field names). */
function exported(result: ExportResult, what: string, format: string, out: string): { result: object; line: string } {
  return {
    result: { exported: result.rows, format, out, notes: result.notes },
    line: [`exported ${result.rows} ${what} to ${out}`, ...result.notes.map((n) => `  note: ${n}`)].join('\n'),
  };
}

interface LedgerOptions {
  region?: string;
  status?: string;
  action?: string;
  overdue?: boolean;
  site?: string;
  /**
   * --no-site-within <km>. Commander reads any option spelt --no-x as the negation of --x: the value
   * lands in siteWithin, which is `true` when the option is absent.
   */
  siteWithin?: string | boolean;
}

/** The ledger filters of GET /api/cases, as options. */
function ledgerFilter(opts: LedgerOptions): CaseFilter {
  const filter: CaseFilter = {};
  const regions = list(opts.region);
  for (const r of regions) if (!isRegionCode(r)) throw new Error(`--region must be six-digit GB/T 2260 codes, got "${r}"`);
  if (regions.length) filter.regions = regions;
  const statuses = list(opts.status).map((s) => oneOf('--status', s, CASE_STATUSES));
  if (statuses.length) filter.statuses = statuses;
  const actions = list(opts.action).map((a) => oneOf('--action', a, ACTIONS));
  if (actions.length) filter.actions = actions;
  if (opts.overdue) filter.overdue = true;
  if (opts.site !== undefined) filter.site = oneOf('--site', opts.site, SITE_FILTERS);
  if (typeof opts.siteWithin === 'string')
    filter.noSiteWithinKm = numberOption('--no-site-within', opts.siteWithin, 0, MAX_NO_SITE_WITHIN_KM);
  return filter;
}

const FORMAT_HELP = 'csv (UTF-8 with BOM), geojson, xlsx, geoparquet, shp (zipped shapefile with .prj and .cpg)';

export function exportCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('export').description('export data to a file');

  cmd
    .command('enterprises')
    .description(`enterprises as ${FORMAT_HELP}; CSV columns start id,name,credit_code,sector,lon,lat (WGS84)`)
    .requiredOption('--format <format>', ENTERPRISE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action((opts: { format: string; out: string }) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, ENTERPRISE_EXPORT_FORMATS);
        const { exportEnterprises } = await import('../../export/export-enterprises.ts');
        return exported(await exportEnterprises(db, format, userPath(opts.out)), 'enterprises', format, opts.out);
      })(),
    );

  cmd
    .command('zone-hits')
    .description('CSV enterprise_id,zone_id,zone_kind,distance_m of every enterprise inside or within METERS of a zone')
    .requiredOption('--within <meters>', `band around zones in metres (0 to ${MAX_WITHIN_METRES})`)
    .requiredOption('--out <file>', 'output CSV')
    .option('--recompute', "join again even where the last screening's stored hits answer", false)
    .action((opts: { within: string; out: string; recompute: boolean }) =>
      exporting(globals, async (db) => {
        const within = numberOption('--within', opts.within, 0, MAX_WITHIN_METRES);
        const { exportZoneHits } = await import('../../export/export-zone-hits.ts');
        const rows = await exportZoneHits(db, within, userPath(opts.out), { join: opts.recompute });
        return { result: { rows, within, out: opts.out }, line: `wrote ${rows} zone hits within ${within} m to ${opts.out}` };
      })(),
    );

  cmd
    .command('flags')
    .description(`screening flags with rule, policy, action, deadline and evidence explained, as ${FORMAT_HELP}`)
    .requiredOption('--format <format>', FLAG_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action((opts: { format: string; out: string }) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, FLAG_EXPORT_FORMATS);
        const { exportFlags } = await import('../../export/export-flags.ts');
        return exported(await exportFlags(db, format, userPath(opts.out)), 'flags', format, opts.out);
      })(),
    );

  cmd
    .command('ledger')
    .description("the officials' ledger (台账) as XLSX or CSV, in its usual columns")
    .requiredOption('--format <format>', LEDGER_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .option('--region <codes>', 'GB/T 2260 codes, comma-separated')
    .option('--status <statuses>', CASE_STATUSES.join(','))
    .option('--action <actions>', 'actions, comma-separated')
    .option('--overdue', 'only overdue cases')
    .option('--site <site>', `cases by their relocation site: ${SITE_FILTERS.join('|')}`)
    .option(
      '--no-site-within <km>',
      `relocate and withdraw cases with no qualifying site within this many km (0 to ${MAX_NO_SITE_WITHIN_KM})`,
    )
    .action((opts: { format: string; out: string } & LedgerOptions) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, LEDGER_FORMATS);
        const filter = ledgerFilter(opts);
        const { ledgerFile } = await import('../../export/export-ledger.ts');
        const { writeAtomic } = await import('../../export/write-atomic.ts');
        if (filter.noSiteWithinKm !== undefined) {
          // The filter reads each moving enterprise's nearest qualifying site, brought up to date first.
          const { refreshRelocationReach } = await import('../../relocation/relocation-reach.ts');
          await refreshRelocationReach(db, chinaToday());
        }
        const { body, count } = await ledgerFile(db, format, filter);
        await writeAtomic(userPath(opts.out), (tmp) => writeFile(tmp, body));
        return { result: { exported: count, format, out: opts.out }, line: `exported ${count} cases to ${opts.out}` };
      })(),
    );

  cmd
    .command('audit')
    .description("the audit log as CSV, with each entry's hash")
    .requiredOption('--out <file>', 'output file')
    .action((opts: { out: string }) =>
      exporting(globals, async (db) => {
        const { listAudit } = await import('../../db/audit-store.ts');
        const { auditCsv } = await import('../../export/export-audit.ts');
        const { writeAtomic } = await import('../../export/write-atomic.ts');
        const { items } = await listAudit(db);
        await writeAtomic(userPath(opts.out), (tmp) => writeFile(tmp, auditCsv(items)));
        return { result: { exported: items.length, out: opts.out }, line: `exported ${items.length} audit entries to ${opts.out}` };
      })(),
    );

  cmd
    .command('zones')
    .description(`zones (one kind or all) as ${FORMAT_HELP}; CSV and XLSX carry the polygon as WKT`)
    .option('--kind <kind>', ZONE_KINDS.join('|'))
    .requiredOption('--format <format>', ZONE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action((opts: { kind?: string; format: string; out: string }) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, ZONE_EXPORT_FORMATS);
        const kind = opts.kind === undefined ? undefined : oneOf('--kind', opts.kind, ZONE_KINDS);
        const { exportZones } = await import('../../export/export-zones.ts');
        return exported(await exportZones(db, format, userPath(opts.out), kind), kind ? `${kind} zones` : 'zones', format, opts.out);
      })(),
    );
}
