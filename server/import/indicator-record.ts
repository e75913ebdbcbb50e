/** Validates one row of a yearly indicator file: who (enterprise id or credit code), which year, what values. */
import type { IndicatorYear } from '../domain/enterprise.ts';
import { reason } from '../domain/reasons.ts';
import type { ColumnMapping } from './columns.ts';
import { INDICATOR_VALUES, type IndicatorField } from './indicator-columns.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord } from './readers/record.ts';
import { singleLineProblem } from './record-text.ts';
import { isBlank, parseInteger, parseNumber, text } from './values.ts';

export interface ImportedIndicator extends IndicatorYear {
  /** The enterprise as the file names it: by id, or by credit code to be looked up. */
  ref: string;
  refKind: 'id' | 'credit_code';
}

export interface IndicatorResult {
  indicator?: ImportedIndicator;
  errors: Problem[];
  warnings: Problem[];
}

export const FIRST_INDICATOR_YEAR = 1949;
export const LAST_INDICATOR_YEAR = 2100;

export function validateIndicator(raw: RawRecord, columns: ColumnMapping<IndicatorField>): IndicatorResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const header = (f: IndicatorField) => columns.fields[f] ?? f;
  const get = (f: IndicatorField) => {
    const h = columns.fields[f];
    return h === undefined ? undefined : raw.values[h];
  };

  const id = get('enterprise_id');
  const code = get('credit_code');
  let ref = '';
  let refKind: ImportedIndicator['refKind'] = 'id';
  if (!isBlank(id)) ref = text(id);
  else if (!isBlank(code)) {
    ref = text(code).toUpperCase();
    refKind = 'credit_code';
  } else errors.push(problem(raw.row, header('enterprise_id'), null, reason('import_missing_indicator_ref')));
  const refIssue = ref && singleLineProblem(raw.row, header(refKind === 'id' ? 'enterprise_id' : 'credit_code'), ref);
  if (refIssue) errors.push(refIssue);

  const rawYear = get('year');
  const year = isBlank(rawYear) ? undefined : parseInteger(rawYear);
  if (year === undefined || year < FIRST_INDICATOR_YEAR || year > LAST_INDICATOR_YEAR) {
    errors.push(
      problem(
        raw.row,
        header('year'),
        rawYear ?? null,
        isBlank(rawYear)
          ? reason('import_missing_year')
          : reason('import_year_range', { from: FIRST_INDICATOR_YEAR, to: LAST_INDICATOR_YEAR }),
      ),
    );
  }

  const values: Record<string, number | null> = {};
  let present = 0;
  for (const field of INDICATOR_VALUES) {
    const v = get(field);
    if (isBlank(v)) {
      values[field] = null;
      continue;
    }
    const n = parseNumber(v);
    if (n === undefined || n < 0)
      errors.push(problem(raw.row, header(field), v, reason(n === undefined ? 'import_not_a_number' : 'import_negative')));
    else {
      values[field] = n;
      present++;
    }
  }
  const unit = get('output_unit');
  if (errors.length > 0 || year === undefined) return { errors, warnings };
  if (present === 0) warnings.push(problem(raw.row, null, null, reason('import_no_indicator_values', { ref, year })));
  return {
    errors,
    warnings,
    indicator: {
      ref,
      refKind,
      year,
      output_unit: isBlank(unit) ? null : text(unit),
      ...(values as Omit<IndicatorYear, 'year' | 'output_unit'>),
    },
  };
}
