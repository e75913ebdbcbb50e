/**
 * Text a record may not carry into the database, whatever the layer: bytes the file's encoding
 * could not decode, and control characters.
 *
 * Undecodable bytes (now U+FFFD) refuse the row when the encoding was detected: the text is
 * corrupt, and importing it would store the corruption quietly. When the user named the encoding
 * (--encoding), they have chosen to accept it, and each such field is a warning.
 *
 * Control characters: no text field may hold C0 controls or DEL, except tab, line feed and
 * carriage return, which a free-text note (an address, a remark typed in Excel with Alt+Enter)
 * legitimately holds. Names and ids take none at all, not even those: they are shown on one line
 * in the map, lists and exports, and a tab or line break in one is a paste accident.
 */
import { reason } from '../domain/reasons.ts';
import { UNDECODABLE } from './encoding.ts';
import { type Problem, problem } from './problems.ts';
import type { RawRecord, SourceInfo } from './readers/record.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** What CONTROL lets through: the single-line check adds only these, so no character is reported twice. */
const LINE_CONTROL = /[\t\n\r]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const ANY_CONTROL_GLOBAL = /[\u0000-\u001f\u007f]/g;

/** The text with each control character written as \uXXXX, so a report can show it. */
export function escapeControls(text: string): string {
  return text.replace(ANY_CONTROL_GLOBAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function firstControl(text: string, pattern: RegExp): string {
  const match = pattern.exec(text)?.[0] ?? '';
  return escapeControls(match);
}

/**
 * A problem when a name or id (already trimmed) holds a tab or line break; RecordTextCheck has
 * refused every other control character in any field, so together they refuse all of them.
 */
export function singleLineProblem(row: number, field: string, value: string): Problem | undefined {
  if (!LINE_CONTROL.test(value)) return undefined;
  return problem(row, field, escapeControls(value), reason('import_not_single_line', { char: firstControl(value, LINE_CONTROL) }));
}

export interface TextProblems {
  errors: Problem[];
  warnings: Problem[];
}

/** Checks every record of one source; built once, so the per-record path allocates only on a problem. */
export class RecordTextCheck {
  private readonly encoding: string;
  private readonly declared: boolean;

  constructor(info: Pick<SourceInfo, 'encoding' | 'encodingBy'>) {
    // Empty when the reader named none; the wording then says "the detected encoding".
    this.encoding = info.encoding ?? '';
    this.declared = info.encodingBy === 'declared';
  }

  /** The record's problems, or undefined when it has none; any error refuses the row. */
  check(raw: RawRecord): TextProblems | undefined {
    let found: TextProblems | undefined;
    const { values } = raw;
    for (const field in values) {
      const value = values[field];
      if (typeof value !== 'string' || !CONTROL.test(value)) continue;
      found ??= { errors: [], warnings: [] };
      found.errors.push(
        problem(raw.row, field, escapeControls(value), reason('import_control_character', { char: firstControl(value, CONTROL) })),
      );
    }
    for (const field of raw.undecodable ?? []) {
      found ??= { errors: [], warnings: [] };
      const value = values[field];
      if (this.declared) {
        found.warnings.push(
          problem(raw.row, field, value, reason('import_bad_bytes_given', { encoding: this.encoding, replacement: UNDECODABLE })),
        );
      } else {
        found.errors.push(
          problem(raw.row, field, value, reason('import_bad_bytes_detected', { encoding: this.encoding, replacement: UNDECODABLE })),
        );
      }
    }
    return found;
  }
}
