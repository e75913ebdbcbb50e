import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { failpoint } from '../../faults.ts';
import { IMPORT_KINDS } from '../../import/import-options.ts';
import type { ImportReport } from '../../import/problems.ts';
import { formatProblem } from '../../import/problems.ts';
import { cliIo, userPath } from '../cli-io.ts';
import { type GlobalOptions, Output, reportJson } from '../output.ts';
import { oneOf } from '../parse.ts';
import { estimateRows, importProgress } from '../progress.ts';
import { withDatabase } from '../with-database.ts';

interface ImportOpts {
  crs?: string;
  skipInvalid?: boolean;
  replace?: boolean;
  map?: string;
  kind?: string;
  sheet?: string;
  layer?: string;
  encoding?: string;
  /** false with --no-screen */
  screen?: boolean;
}

type Layer = 'enterprises' | 'zones' | 'indicators';

function summary(report: ImportReport): string[] {
  const lines = [`imported ${report.imported} from ${report.file} (${report.updated} updated, ${report.skipped} skipped)`];
  for (const p of report.errors) lines.push(`  skipped: ${formatProblem(report.file, p)}`);
  for (const p of report.warnings) lines.push(`  warning: ${formatProblem(report.file, p)}`);
  return lines;
}

export function importCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program
    .command('import')
    .description('import enterprises, zones or yearly indicators from a file, all or nothing by default');

  const run = async (file: string, opts: ImportOpts, layer: Layer) => {
    const { db: path, json } = globals();
    const out = new Output(json);
    const source = userPath(file);
    const progress = importProgress(json, basename(file), json ? undefined : await estimateRows(source).catch(() => undefined));
    try {
      if (!existsSync(source)) throw new Error(`${file}: no such file`);
      if (opts.sheet && opts.layer && opts.sheet !== opts.layer) throw new Error('--sheet and --layer name the same thing; give one');
      await withDatabase(path, async (db) => {
        const common = {
          path: source,
          ...(opts.crs ? { crs: opts.crs } : {}),
          ...(opts.encoding ? { encoding: opts.encoding } : {}),
          ...((opts.sheet ?? opts.layer) ? { layer: opts.sheet ?? opts.layer } : {}),
          skipInvalid: opts.skipInvalid === true,
          replace: opts.replace === true,
          username: cliIo().user,
          onProgress: (rows: number) => progress.update(rows),
        };
        // The readers, the layers and the screening load when an import runs, not to describe one.
        const { importEnterprises } = await import('../../import/import-enterprises.ts');
        const { importIndicators } = await import('../../import/import-indicators.ts');
        const { importZones } = await import('../../import/import-zones.ts');
        const { screenChanged } = await import('../../screening/screen-changed.ts');
        const report =
          layer === 'enterprises'
            ? await importEnterprises(db, { ...common, ...(opts.map ? { map: opts.map } : {}) })
            : layer === 'indicators'
              ? await importIndicators(db, { ...common, ...(opts.map ? { map: opts.map } : {}) })
              : await importZones(db, { ...common, kind: oneOf('--kind', opts.kind ?? '', IMPORT_KINDS) });
        progress.stop();
        failpoint('import-committed');
        // Screening follows every import, re-screening only what changed where it can; --no-screen
        // defers it (say, to screen once after several large imports).
        const screening = opts.screen === false ? null : await screenChanged(db);
        const lines = summary(report);
        if (screening)
          lines.push(`re-screened ${screening.enterprises} enterprises: ${screening.flags} flags (${screening.seconds.toFixed(1)} s)`);
        const screened = screening && {
          enterprises: screening.enterprises,
          flags: screening.flags,
          seconds: screening.seconds,
          timings: screening.timings,
        };
        out.done({ ...reportJson(report), ...(screened ? { screening: screened } : {}) }, lines);
      });
    } catch (error) {
      progress.stop();
      out.fail(error);
    }
  };

  const readOptions = (c: Command) =>
    c
      .option('--skip-invalid', 'import the valid rows and report the rest')
      .option('--sheet <name>', 'the XLSX sheet to read (default: the first)')
      .option('--layer <name>', 'the shapefile to read from a zip holding several')
      .option('--encoding <label>', 'text encoding of CSV or shapefile attributes (default: detected; e.g. gbk, utf-8)')
      .option('--no-screen', 'do not re-screen after the import (run greenline screen later)');

  readOptions(
    cmd
      .command('enterprises <file>')
      .description(
        'CSV, XLSX, GeoJSON, zipped shapefile, (Geo)Parquet or KML; minimal columns id,name,sector,lon,lat (Chinese headers recognised)',
      )
      .option(
        '--crs <crs>',
        'source CRS: EPSG:4326, EPSG:4490, EPSG:3857, EPSG:4491–4554, gcj02, bd09 (default: from the file, else WGS84)',
      )
      .option('--replace', 'replace the whole enterprise layer')
      .option('--map <pairs>', 'map headers to fields: "经度=lon,纬度=lat"'),
  ).action((file: string, opts: ImportOpts) => run(file, opts, 'enterprises'));

  readOptions(
    cmd
      .command('zones <file>')
      .description('polygons of one kind: GeoJSON, zipped shapefile, (Geo)Parquet, KML, or CSV/XLSX with a WKT column')
      .requiredOption('--kind <kind>', `one of ${IMPORT_KINDS.join(', ')}`)
      .option('--crs <crs>', 'source CRS (default: from the file, else WGS84)')
      .option('--replace', 'replace every zone of this kind'),
  ).action((file: string, opts: ImportOpts) => run(file, opts, 'zones'));

  readOptions(
    cmd
      .command('indicators <file>')
      .description('yearly indicators: enterprise id (or credit code), year, and values; a year imported again replaces that year only')
      .option('--replace', 'replace every indicator of every year')
      .option('--map <pairs>', 'map headers to fields: "企业代码=enterprise_id"'),
  ).action((file: string, opts: ImportOpts) => run(file, opts, 'indicators'));
}
