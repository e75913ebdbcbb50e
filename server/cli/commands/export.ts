import type { Command } from 'commander';
import { Database } from '../../db/database.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { ENTERPRISE_EXPORT_FORMATS, exportEnterprises } from '../../export/export-enterprises.ts';
import { exportZones, ZONE_EXPORT_FORMATS } from '../../export/export-zones.ts';
import type { ExportResult } from '../../export/formats/table.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { oneOf } from '../parse.ts';

const FORMAT_HELP = 'csv (UTF-8 with BOM), geojson, xlsx, geoparquet, shp (zipped shapefile with .prj and .cpg)';

export function exportCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('export').description('export data to a file');

  const run = async (write: (db: Database) => Promise<ExportResult>, what: string, format: string, outFile: string) => {
    const { db: path, json } = globals();
    const out = new Output(json);
    try {
      const db = await Database.open(path);
      try {
        const result = await write(db);
        out.done({ exported: result.rows, format, out: outFile, notes: result.notes }, [
          `exported ${result.rows} ${what} to ${outFile}`,
          ...result.notes.map((n) => `  note: ${n}`),
        ]);
      } finally {
        db.close();
      }
    } catch (error) {
      out.fail(error);
    }
  };

  cmd
    .command('enterprises')
    .description(`enterprises as ${FORMAT_HELP}; CSV columns start id,name,credit_code,sector,lon,lat (WGS84)`)
    .requiredOption('--format <format>', ENTERPRISE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: { format: string; out: string }) => {
      await run(
        (db) => exportEnterprises(db, oneOf('--format', opts.format, ENTERPRISE_EXPORT_FORMATS), opts.out),
        'enterprises',
        opts.format,
        opts.out,
      );
    });

  cmd
    .command('zones')
    .description(`zones (one kind or all) as ${FORMAT_HELP}; CSV and XLSX carry the polygon as WKT`)
    .option('--kind <kind>', ZONE_KINDS.join('|'))
    .requiredOption('--format <format>', ZONE_EXPORT_FORMATS.join('|'))
    .requiredOption('--out <file>', 'output file')
    .action(async (opts: { kind?: string; format: string; out: string }) => {
      await run(
        (db) =>
          exportZones(
            db,
            oneOf('--format', opts.format, ZONE_EXPORT_FORMATS),
            opts.out,
            opts.kind === undefined ? undefined : oneOf('--kind', opts.kind, ZONE_KINDS),
          ),
        opts.kind ? `${opts.kind} zones` : 'zones',
        opts.format,
        opts.out,
      );
    });
}
