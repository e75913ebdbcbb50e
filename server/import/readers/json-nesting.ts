/**
 * How deeply a GeoJSON text nests arrays and objects, feature by feature, found in one pass over
 * the text before it is parsed. V8's JSON.parse takes any depth, but what walks a geometry
 * afterwards (turf, JSON.stringify, Greenline's own checks) recurses, and a feature nested 200,000
 * deep overflows the stack. Strings are skipped whole; only brackets, braces and commas count.
 */

/** Arrays and objects within one feature, the feature itself being level 1; a MultiPolygon needs 6. */
export const MAX_FEATURE_DEPTH = 64;

export interface TooDeep {
  /** 1-based position in the FeatureCollection's features; null when the nesting is outside them. */
  feature: number | null;
  /** The deepest level that feature (or the file) reaches. */
  depth: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The index of the quote closing the string opened at `open`, or -1 if it never closes. */
function closingQuote(text: string, open: number): number {
  for (let at = text.indexOf('"', open + 1); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** The first feature nested deeper than `limit`, with its full depth; undefined when none is. */
export function tooDeep(text: string, limit = MAX_FEATURE_DEPTH): TooDeep | undefined {
  let depth = 0;
  // The root object's member being read: a string at depth 1 after { or , is its key.
  let rootKey: string | undefined;
  let expectKey = false;
  let inFeatures = false;
  let feature = 0;
  let found: TooDeep | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      // Malformed JSON is JSON.parse's to describe.
      if (end === -1) return found;
      if (depth === 1 && expectKey) {
        rootKey = text.slice(i + 1, end);
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth++;
      if (depth === 1) expectKey = c === OPEN_OBJECT;
      else if (depth === 2 && c === OPEN_ARRAY && rootKey === 'features') inFeatures = true;
      const within = inFeatures ? depth - 2 : depth;
      if (within > limit) {
        found ??= { feature: inFeatures ? feature + 1 : null, depth: within };
        found.depth = Math.max(found.depth, within);
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      // Once the offending feature (or, outside features, the file) closes, its depth is known.
      if (found && depth <= (found.feature === null ? 0 : 2)) return found;
      if (depth === 1) inFeatures = false;
    } else if (c === COMMA) {
      if (depth === 1) expectKey = true;
      else if (depth === 2 && inFeatures) feature++;
    }
  }
  return found;
}
