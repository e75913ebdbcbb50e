/**
 * What a visitor of a publication may see: one allowlist, ticked per publication. Whatever is not
 * on it never leaves the server — the snapshot reads only the ticked fields from the database, and
 * test/api/public-leak.test.ts scans every file a publication serves for the values of the rest.
 *
 * Never public, whatever is ticked: indicators, ledger notes, departments, assignees, evidence,
 * and every account. The prefecture an enterprise lies in is always shown: it is what the map and
 * the table count by, and it says no more than the choropleth does.
 */

export const PUBLIC_FIELDS = ['name', 'sector', 'action', 'rule', 'deadline', 'progress', 'credit_code', 'location'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

/** Ticked unless the publisher unticks them; credit codes and exact coordinates only when ticked. */
export const DEFAULT_PUBLIC_FIELDS: readonly PublicField[] = ['name', 'sector', 'action', 'rule', 'deadline', 'progress'];

export const PUBLIC_FIELD_NAMES: Record<PublicField, { zh: string; en: string }> = {
  name: { zh: '企业名称', en: 'Name' },
  sector: { zh: '行业', en: 'Sector' },
  action: { zh: '整治措施', en: 'Action' },
  rule: { zh: '依据（规则与政策条款）', en: 'Rule and policy citation' },
  deadline: { zh: '完成时限', en: 'Deadline' },
  progress: { zh: '进展情况', en: 'Progress' },
  credit_code: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  location: { zh: '精确位置（经纬度）', en: 'Exact location (coordinates)' },
};

export function parsePublicFields(text: string): PublicField[] {
  const fields = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = fields.find((f) => !(PUBLIC_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined) throw new Error(`fields: "${unknown}" is not a public field; choose from ${PUBLIC_FIELDS.join(', ')}`);
  return [...new Set(fields as PublicField[])];
}
