/**
 * The enterprise layer of the import pipeline (import-pipeline.ts), and `importEnterprises`.
 * Rows are staged in a table inside the import's transaction (a million plants do not fit in
 * memory as objects); `replace` swaps the whole enterprise layer; otherwise rows are upserted by
 * id, keeping each enterprise's key and its indicators, equipment and compliance history.
 *
 * Ids against the database: an id already there is an update. It is refused when the stored
 * enterprise and the row carry different credit codes that both pass their check character —
 * two legal entities under one id, which an upsert would silently merge. A credit code that
 * changes where either side fails its check is a correction, and only warned about.
 */
import type { Database } from '../db/database.ts';
import { EnterpriseStage } from '../db/enterprise-stage.ts';
import { enterpriseSearchText } from '../domain/search-text.ts';
import { mapColumns, parseMapOption } from './columns.ts';
import { checkStagedEnterprises } from './enterprise-checks.ts';
import { EnterpriseValidator, type ImportedEnterprise } from './enterprise-record.ts';
import { locationContext } from './import-context.ts';
import type { ImportOptions } from './import-options.ts';
import { type ImportLayer, importLayer } from './import-pipeline.ts';
import type { ImportReport } from './problems.ts';
import type { SourceFormat, SourceInfo } from './readers/record.ts';

export interface ImportEnterprisesOptions extends ImportOptions {
  /** `--map "经度=lon,纬度=lat"` */
  map?: string;
}

/** Formats whose records carry their own geometry; the others need lon/lat columns. */
export const SPATIAL_FORMATS: readonly SourceFormat[] = ['geojson', 'shapefile', 'kml', 'geoparquet'];

type StageRow = unknown[];

export function enterpriseLayer(options: ImportEnterprisesOptions): ImportLayer<StageRow> {
  const columnsOf = (info: SourceInfo) => mapColumns(info.headers, parseMapOption(options.map));
  return {
    name: 'enterprises',
    staging: 'database',
    stageBatch: 5_000,
    noRecords: 'import_no_data_rows',
    missingColumns(info) {
      const columns = columnsOf(info);
      const hasPoint = SPATIAL_FORMATS.includes(info.format) || (columns.fields.lon && columns.fields.lat);
      return [!columns.fields.name && 'name', !hasPoint && 'lon/lat'].filter((m): m is string => typeof m === 'string');
    },
    async begin(tx, { info, crs, now }) {
      const columns = columnsOf(info);
      const validator = new EnterpriseValidator(columns, await locationContext(tx, crs));
      const stage = await EnterpriseStage.create(tx);
      return {
        check(raw) {
          const { enterprise, errors, warnings } = validator.validate(raw);
          const item = enterprise && errors.length === 0 ? stageRow(enterprise, raw.row, now) : undefined;
          return { item, errors, warnings };
        },
        stage: async (rows) => void (await stage.append(rows)),
        resolve: () => checkStagedEnterprises(stage, columns, options.replace === true),
        merge: () => stage.merge(options.replace === true),
        cleanUp: () => stage.drop(),
      };
    },
  };
}

export function importEnterprises(db: Database, options: ImportEnterprisesOptions): Promise<ImportReport> {
  return importLayer(db, enterpriseLayer(options), options);
}

/** A staged row in the enterprises table's column order, then the file row. */
function stageRow(e: ImportedEnterprise, row: number, now: Date): StageRow {
  return [
    e.id,
    null,
    e.name,
    e.credit_code,
    e.sector,
    e.region_code,
    e.lon,
    e.lat,
    e.location_accuracy,
    e.status,
    e.commissioned_year,
    e.above_scale,
    e.in_park,
    e.capacity,
    e.capacity_unit,
    e.scattered_dirty,
    e.green_factory,
    e.attributes === null ? null : JSON.stringify(e.attributes),
    now,
    enterpriseSearchText(e),
    row,
  ];
}
