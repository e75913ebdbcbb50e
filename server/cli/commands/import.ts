import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { Database } from '../../db/database.ts';
import { importEnterprises } from '../../import/import-enterprises.ts';
import { IMPORT_KINDS, importZones } from '../../import/import-zones.ts';
import type { ImportReport } from '../../import/problems.ts';
import { formatProblem } from '../../import/problems.ts';
import { screenChanged } from '../../screening/screen-changed.ts';
import { type GlobalOptions, Output, reportJson } from '../output.ts';
import { oneOf } from '../parse.ts';

interface ImportOpts {
  crs?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  map?: string;
  kind?: string;
}

function summary(report: ImportReport): string[] {
  const lines = [`imported ${report.imported} from ${report.file} (${report.updated} updated, ${report.skipped} skipped)`];
  for (const p of report.errors) lines.push(`  skipped: ${formatProblem(report.file, p)}`);
  for (const p of report.warnings) lines.push(`  warning: ${formatProblem(report.file, p)}`);
  return lines;
}

export function importCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('import').description('import enterprises or zones from a file, all or nothing by default');

  const run = async (file: string, opts: ImportOpts, layer: 'enterprises' | 'zones') => {
    const { db: path, json } = globals();
    const out = new Output(json);
    try {
      if (!existsSync(file)) throw new Error(`${file}: no such file`);
      const db = await Database.open(path);
      try {
        const common = {
          path: file,
          ...(opts.crs ? { crs: opts.crs } : {}),
          skipInvalid: opts.skipInvalid === true,
          replace: opts.replace === true,
          username: process.env.USER ?? 'cli',
        };
        const report =
          layer === 'enterprises'
            ? await importEnterprises(db, { ...common, ...(opts.map ? { map: opts.map } : {}) })
            : await importZones(db, { ...common, kind: oneOf('--kind', opts.kind ?? '', IMPORT_KINDS) });
        // Screening follows every import, re-screening only what changed where it can.
        const screening = await screenChanged(db);
        const lines = summary(report);
        if (screening)
          lines.push(`re-screened ${screening.enterprises} enterprises: ${screening.flags} flags (${screening.seconds.toFixed(1)} s)`);
        out.done(reportJson(report), lines);
      } finally {
        db.close();
      }
    } catch (error) {
      out.fail(error);
    }
  };

  cmd
    .command('enterprises <file>')
    .description('CSV or GeoJSON; minimal columns id,name,sector,lon,lat (Chinese headers recognised)')
    .option('--crs <crs>', 'source CRS, e.g. EPSG:4326 (default: from the file, else WGS84)')
    .option('--skip-invalid', 'import the valid rows and report the rest')
    .option('--replace', 'replace the whole enterprise layer')
    .option('--map <pairs>', 'map headers to fields: "经度=lon,纬度=lat"')
    .action((file: string, opts: ImportOpts) => run(file, opts, 'enterprises'));

  cmd
    .command('zones <file>')
    .description('GeoJSON polygons of one kind')
    .requiredOption('--kind <kind>', `one of ${IMPORT_KINDS.join(', ')}`)
    .option('--crs <crs>', 'source CRS (default: from the file, else WGS84)')
    .option('--skip-invalid', 'import the valid features and report the rest')
    .option('--replace', 'replace every zone of this kind')
    .action((file: string, opts: ImportOpts) => run(file, opts, 'zones'));
}
