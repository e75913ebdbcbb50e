/**
 * The screening of one enterprise in one row, as exports write it beside the enterprise's own
 * fields: the most severe action, the highest severity, the rules and policies, the citations and
 * the earliest deadline. They are the screening's answer, recomputed from the data, so imports
 * skip these columns rather than keep them as attributes (an export read back changes nothing).
 */
export const SCREENING_SUMMARY_FIELDS = [
  { name: 'action', type: 'string' },
  { name: 'severity', type: 'integer' },
  { name: 'rules', type: 'string' },
  { name: 'policy', type: 'string' },
  { name: 'citation', type: 'string' },
  { name: 'deadline', type: 'date' },
] as const;

export const SCREENING_SUMMARY_NAMES: ReadonlySet<string> = new Set(SCREENING_SUMMARY_FIELDS.map((f) => f.name));
