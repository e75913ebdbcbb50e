/**
 * The indicator layer of the import pipeline (import-pipeline.ts), and `importIndicators`: yearly
 * indicators, one row per enterprise and year, the enterprise named by its id or its credit code.
 * A year is upserted as a whole: importing 2023 again replaces each named enterprise's 2023 row
 * (blank cells become empty) and leaves every other year as it was, so a yearly report appends to
 * the history rather than overwriting it. `replace` swaps the whole indicators table. Every
 * enterprise must already exist. Rows are staged in a table inside the import's transaction.
 */
import type { Database } from '../db/database.ts';
import { IndicatorStage } from '../db/indicator-stage.ts';
import { reason } from '../domain/reasons.ts';
import type { ImportOptions } from './import-options.ts';
import { type ImportLayer, importLayer, type Resolution } from './import-pipeline.ts';
import { indicatorColumns } from './indicator-columns.ts';
import { validateIndicator } from './indicator-record.ts';
import { type ImportReport, problem } from './problems.ts';
import type { SourceInfo } from './readers/record.ts';

export interface ImportIndicatorsOptions extends ImportOptions {
  map?: string;
}

type StagedIndicator = Record<string, unknown>;

export function indicatorLayer(options: ImportIndicatorsOptions): ImportLayer<StagedIndicator> {
  const columnsOf = (info: SourceInfo) => indicatorColumns.map(info.headers, indicatorColumns.parseMap(options.map));
  return {
    name: 'indicators',
    staging: 'database',
    stageBatch: 20_000,
    // Indicators have no coordinates: the file's CRS, if any, means nothing here.
    fixedCrs: 'EPSG:4326',
    noRecords: 'import_no_data_rows',
    missingColumns(info) {
      const { fields } = columnsOf(info);
      return [!fields.enterprise_id && !fields.credit_code && 'enterprise_id', !fields.year && 'year'].filter(
        (m): m is string => typeof m === 'string',
      );
    },
    async begin(tx, { info }) {
      const columns = columnsOf(info);
      const stage = await IndicatorStage.create(tx);
      const firstRow = new Map<string, number>();
      return {
        check(raw) {
          const result = validateIndicator(raw, columns);
          const ind = result.indicator;
          if (!ind) return result;
          const key = `${ind.refKind}\u0000${ind.ref}\u0000${ind.year}`;
          const seen = firstRow.get(key);
          if (seen !== undefined) {
            const why = reason('import_indicator_year_twice', { ref: ind.ref, year: ind.year, first: seen });
            result.errors.push(problem(raw.row, columns.fields.year ?? 'year', ind.year, why));
          } else firstRow.set(key, raw.row);
          if (result.errors.length > 0) return result;
          const item = { ...ind, enterprise_id: null, _ref: ind.ref, _ref_kind: ind.refKind, _row: raw.row };
          return { item, errors: result.errors, warnings: result.warnings };
        },
        stage: async (items) => void (await stage.append(items)),
        async resolve() {
          const found: Resolution = { errors: [], warnings: [], refused: [] };
          for (const u of await stage.resolveEnterprises()) {
            const field = (u.kind === 'id' ? columns.fields.enterprise_id : columns.fields.credit_code) ?? u.kind;
            const why = reason(
              u.ambiguous
                ? 'import_credit_code_ambiguous'
                : u.kind === 'id'
                  ? 'import_no_enterprise_with_id'
                  : 'import_no_enterprise_with_code',
            );
            found.errors.push(problem(u.row, field, u.ref, why));
            found.refused.push(u.row);
          }
          return found;
        },
        merge: () => stage.merge(options.replace === true),
        cleanUp: () => stage.drop(),
      };
    },
  };
}

export function importIndicators(db: Database, options: ImportIndicatorsOptions): Promise<ImportReport> {
  return importLayer(db, indicatorLayer(options), options);
}
