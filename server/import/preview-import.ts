/**
 * What an upload holds, before anything is written: format, encoding and how it was found, the
 * CRS (from the option, the file, or assumed — with a suggestion when the numbers look projected),
 * the recognised columns, the first rows and the problems those rows already show.
 */
import type { Database } from '../db/database.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { inEnglish, type Reason, reason } from '../domain/reasons.ts';
import { mapColumns, parseMapOption } from './columns.ts';
import { crsProblem, type ResolvedCrs, resolveCrs } from './crs.ts';
import { projectedHint } from './crs-hint.ts';
import { EnterpriseValidator } from './enterprise-record.ts';
import { locationContext } from './import-context.ts';
import type { ImportKind, ImportOptions } from './import-options.ts';
import { indicatorColumns } from './indicator-columns.ts';
import { validateIndicator } from './indicator-record.ts';
import { CHINA_EXTENT } from './location.ts';
import { type Problem, problem } from './problems.ts';
import { openSourceOffThread } from './readers/off-thread.ts';
import { type RawRecord, type Source, SourceError, type SourceInfo } from './readers/record.ts';
import { RecordTextCheck } from './record-text.ts';
import { unzonedReservesWarning } from './unzoned-reserves.ts';
import { placeZone } from './zone-location.ts';
import { validateZone } from './zone-record.ts';

export const IMPORT_TARGETS = ['enterprises', 'zones', 'indicators'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export interface PreviewOptions extends Pick<ImportOptions, 'path' | 'crs' | 'layer' | 'encoding' | 'unzippedDir'> {
  fileName: string;
  target: ImportTarget;
  kind?: ImportKind;
  map?: string;
  /** How many rows to show; default 20. */
  rows?: number;
}

export interface ImportPreview {
  file: string;
  format: SourceInfo['format'] | null;
  encoding: string | null;
  encodingBy: string | null;
  crs: {
    name: string;
    from: 'option' | 'file' | 'assumed';
    /** In English, and as a reason for the dialog to word. */
    suggestion: string | null;
    suggestionReason: Reason | null;
  } | null;
  headers: string[];
  /** Recognised field → header (enterprises and indicators). */
  columns: Record<string, string>;
  layer: string | null;
  layers: string[];
  rows: { row: number; values: Record<string, unknown>; geometry: string | null }[];
  errors: Problem[];
  warnings: Problem[];
}

const EMPTY = {
  format: null,
  encoding: null,
  encodingBy: null,
  crs: null,
  headers: [],
  columns: {},
  layer: null,
  layers: [],
  rows: [],
  warnings: [],
};

function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((n: number, c: unknown) => n + countPositions(c), 0);
}

/** A point as WKT; anything larger by its type and size, which is what a preview table can show. */
function geometrySummary(raw: RawRecord): string | null {
  const g = raw.geometry;
  if (!g) return null;
  if (g.type === 'Point') return `POINT (${g.coordinates.join(' ')})`;
  return `${g.type.toUpperCase()} (${countPositions('coordinates' in g ? g.coordinates : [])} vertices)`;
}

/** A suggestion when no CRS was given and the first coordinates are plainly not degrees. */
function suggestCrs(records: readonly RawRecord[], columns: Record<string, string>): Reason | null {
  for (const raw of records) {
    let xy: [number, number] | undefined;
    const g = raw.geometry;
    if (g?.type === 'Point') xy = g.coordinates as [number, number];
    else if (g?.type === 'Polygon') xy = g.coordinates[0]?.[0] as [number, number];
    else if (g?.type === 'MultiPolygon') xy = g.coordinates[0]?.[0]?.[0] as [number, number];
    else if (columns.lon && columns.lat) xy = [Number(raw.values[columns.lon]), Number(raw.values[columns.lat])];
    if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) && (Math.abs(xy[0]) > 180 || Math.abs(xy[1]) > 90)) {
      const hint = projectedHint(xy[0], xy[1]);
      return hint.hint ? reason('import_crs_hint', hint) : reason('import_crs_not_degrees');
    }
  }
  return null;
}

export async function previewImport(db: Database, options: PreviewOptions): Promise<ImportPreview> {
  const file = options.fileName;
  let source: Source;
  try {
    source = await openSourceOffThread(options.path, file, {
      ...(options.layer ? { layer: options.layer } : {}),
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.unzippedDir ? { unzippedDir: options.unzippedDir } : {}),
    });
  } catch (error) {
    if (error instanceof SourceError) return { file, ...EMPTY, errors: [problem(error.row, null, null, error.reason)] };
    throw error;
  }
  const records: RawRecord[] = [];
  const errors: Problem[] = [];
  const warnings: Problem[] = source.info.notes.map((n) => problem(null, null, null, n));
  try {
    for await (const batch of source.batches) {
      records.push(...batch.slice(0, (options.rows ?? 20) - records.length));
      if (records.length >= (options.rows ?? 20)) break;
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    errors.push(problem(error.row, null, null, error.reason));
  } finally {
    await source.close();
  }

  const textCheck = new RecordTextCheck(source.info);
  for (const raw of records) {
    const found = textCheck.check(raw);
    if (!found) continue;
    errors.push(...found.errors);
    warnings.push(...found.warnings);
  }

  const spec = options.target === 'indicators' ? 'EPSG:4326' : (options.crs ?? source.info.crs);
  let crs: ResolvedCrs | undefined;
  try {
    crs = resolveCrs(spec);
  } catch (error) {
    errors.push(crsProblem(options.crs ? 'crs' : '.prj', spec, error));
  }
  const columns: Record<string, string> =
    options.target === 'indicators'
      ? (indicatorColumns.map(source.info.headers, indicatorColumns.parseMap(options.map)).fields as Record<string, string>)
      : options.target === 'enterprises'
        ? (mapColumns(source.info.headers, parseMapOption(options.map)).fields as Record<string, string>)
        : {};

  if (crs) {
    if (options.target === 'enterprises') {
      const validator = new EnterpriseValidator(
        mapColumns(source.info.headers, parseMapOption(options.map)),
        await locationContext(db, crs),
      );
      for (const raw of records) {
        const result = validator.validate(raw);
        errors.push(...result.errors);
        warnings.push(...result.warnings);
      }
    } else if (options.target === 'indicators') {
      const mapping = indicatorColumns.map(source.info.headers, indicatorColumns.parseMap(options.map));
      for (const raw of records) {
        const result = validateIndicator(raw, mapping);
        errors.push(...result.errors);
        warnings.push(...result.warnings);
      }
    } else {
      const kind = options.kind ?? 'industrial_park';
      const extent = kind === 'region' ? CHINA_EXTENT : (await locationContext(db, crs)).extent;
      let unzoned = 0;
      for (const raw of records) {
        const result = validateZone(raw, kind === 'region' ? 'key_region' : kind, file);
        errors.push(...result.errors);
        warnings.push(...result.warnings);
        if (result.zone) {
          const placed = placeZone(result.zone.geometry, crs, extent);
          if (placed.error) errors.push(problem(raw.row, 'geometry', placed.value, placed.error));
          else if (result.zoningMissing) unzoned++;
        }
      }
      if (unzoned > 0) warnings.push(unzonedReservesWarning(unzoned, (await activeRuleSet(db)).ruleSet));
    }
  }
  const from = options.crs ? 'option' : source.info.crs ? 'file' : 'assumed';
  return {
    file,
    format: source.info.format,
    encoding: source.info.encoding ?? null,
    encodingBy: source.info.encodingBy ?? null,
    crs: crs ? { name: crs.name, from, ...suggestion(from === 'assumed' ? suggestCrs(records, columns) : null) } : null,
    headers: source.info.headers,
    columns,
    layer: source.info.layer ?? null,
    layers: source.info.layers ?? [],
    rows: records.map((r) => ({ row: r.row, values: r.values, geometry: geometrySummary(r) })),
    // In file order, as an import reports them; the text checks ran before the row checks.
    errors: errors.sort(byRow),
    warnings: warnings.sort(byRow),
  };
}

const byRow = (a: Problem, b: Problem) => (a.row ?? 0) - (b.row ?? 0);

const suggestion = (r: Reason | null) => ({ suggestion: r && inEnglish(r), suggestionReason: r });
