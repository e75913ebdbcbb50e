import type { Command } from 'commander';
import { Database } from '../../db/database.ts';
import { ENTERPRISE_EXPORT_FORMATS, exportEnterprises } from '../../export/export-enterprises.ts';
import { exportFlags, FLAG_EXPORT_FORMATS } from '../../export/export-flags.ts';
import { exportZoneHits, MAX_WITHIN_METRES } from '../../export/export-zone-hits.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { numberOption, oneOf } from '../parse.ts';

/** Opens the database, runs one export, and prints the result by the CLI contract. */
function exporting(globals: () => GlobalOptions, run: (db: Database) => Promise<{ result: object; line: string }>) {
  return async () => {
    const { db: path, json } = globals();
    const out = new Output(json);
    try {
      const db = await Database.open(path);
      try {
        const { result, line } = await run(db);
        out.done(result, line);
      } finally {
        db.close();
      }
    } catch (error) {
      out.fail(error);
    }
  };
}

export function exportCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('export').description('export data to a file');

  cmd
    .command('enterprises')
    .description('enterprises as CSV (UTF-8 with BOM) or GeoJSON')
    .requiredOption('--format <format>', ENTERPRISE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action((opts: { format: string; out: string }) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, ENTERPRISE_EXPORT_FORMATS);
        const count = await exportEnterprises(db, format, opts.out);
        return { result: { exported: count, format, out: opts.out }, line: `exported ${count} enterprises to ${opts.out}` };
      })(),
    );

  cmd
    .command('zone-hits')
    .description('CSV enterprise_id,zone_id,zone_kind,distance_m of every enterprise inside or within METERS of a zone')
    .requiredOption('--within <meters>', `band around zones in metres (0 to ${MAX_WITHIN_METRES})`)
    .requiredOption('--out <file>', 'output CSV')
    .action((opts: { within: string; out: string }) =>
      exporting(globals, async (db) => {
        const within = numberOption('--within', opts.within, 0, MAX_WITHIN_METRES);
        const rows = await exportZoneHits(db, within, opts.out);
        return { result: { rows, within, out: opts.out }, line: `wrote ${rows} zone hits within ${within} m to ${opts.out}` };
      })(),
    );

  cmd
    .command('flags')
    .description('screening flags with rule, policy, action, deadline and evidence explained')
    .requiredOption('--format <format>', FLAG_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action((opts: { format: string; out: string }) =>
      exporting(globals, async (db) => {
        const format = oneOf('--format', opts.format, FLAG_EXPORT_FORMATS);
        const count = await exportFlags(db, format, opts.out);
        return { result: { exported: count, format, out: opts.out }, line: `exported ${count} flags to ${opts.out}` };
      })(),
    );
}
