import type { Command } from 'commander';
import { Database } from '../../db/database.ts';
import { ENTERPRISE_EXPORT_FORMATS, exportEnterprises } from '../../export/export-enterprises.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { oneOf } from '../parse.ts';

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
}
