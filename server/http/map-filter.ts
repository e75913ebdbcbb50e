/**
 * Turns the map's filter parameters (MapFilterQuery) into an EnterpriseFilter: rule ids checked
 * against the rule set in force, the indicator year defaulted to the latest, and a drawn shape
 * resolved to the keys of the enterprises inside it — tested with the same prepared polygon and
 * the same float32 positions the browser's selection uses, so the export and the selection agree
 * on every boundary case.
 */
import type { z } from '@hono/zod-openapi';
import type { Queryable } from '../db/database.ts';
import type { EnterpriseFilter, IndicatorRange } from '../db/enterprise-query.ts';
import { enterprisePositions } from '../db/enterprise-store.ts';
import { indicatorYears } from '../db/indicator-columns.ts';
import { activeRuleSet } from '../db/rule-set-store.ts';
import { actionCode } from '../domain/actions.ts';
import { INDICATOR_COLUMNS } from '../domain/column-payload.ts';
import { PreparedPolygon } from '../domain/geometry/prepared-polygon.ts';
import { parseShape, shapeRing } from '../domain/geometry/shape.ts';
import { reason } from '../domain/reasons.ts';
import { ApiError, invalidRequest } from './errors.ts';
import { toFilter } from './routes/enterprises.ts';
import { MapFilterQuery } from './schemas/enterprise.ts';

export async function mapFilter(q: Queryable, query: z.infer<typeof MapFilterQuery>): Promise<EnterpriseFilter> {
  const filter = toFilter(query);
  if (query.action?.length) filter.actions = query.action.map((a) => (a === 'none' ? 0 : actionCode(a)));
  if (query.zone?.length) filter.zones = query.zone;
  if (query.rule?.length) {
    await refuseUnknownRules(q, query.rule);
    filter.rules = query.rule;
  }
  const ranges: IndicatorRange[] = [];
  for (const column of INDICATOR_COLUMNS) {
    const r = query[column];
    if (r && (r[0] !== null || r[1] !== null)) ranges.push({ column, min: r[0], max: r[1] });
  }
  if (ranges.length) {
    filter.ranges = ranges;
    filter.year = query.year ?? (await indicatorYears(q)).at(-1) ?? 0;
  }
  if (query.shape !== undefined) {
    const shape = parseShape(query.shape);
    if (!shape) throw ApiError.because(400, reason('filter_shape_invalid', { shape: query.shape.slice(0, 80) }));
    filter.keys = await keysInside(q, filter, new PreparedPolygon({ type: 'Polygon', coordinates: [shapeRing(shape)] }));
  }
  return filter;
}

/** A rule id not in the rule set in force is a mistake worth telling (400), not a filter that matches nothing. */
export async function refuseUnknownRules(q: Queryable, rules: readonly string[]): Promise<void> {
  const known = new Set((await activeRuleSet(q)).ruleSet.rules.map((r) => r.id));
  const unknown = rules.find((r) => !known.has(r));
  if (unknown !== undefined) throw ApiError.because(400, reason('filter_rule_unknown', { rule: unknown }));
}

async function keysInside(q: Queryable, filter: EnterpriseFilter, polygon: PreparedPolygon): Promise<number[]> {
  // The other filters and the shape's box narrow the candidates in SQL; the polygon decides.
  const rows = await enterprisePositions(q, { ...filter, bbox: [polygon.minX, polygon.minY, polygon.maxX, polygon.maxY] });
  return rows.filter((r) => polygon.contains(Math.fround(r.lon), Math.fround(r.lat))).map((r) => r.key);
}

/**
 * The planner map's filter query string (`action=withdraw&region=150200`), as a publication or a
 * script gives it, validated like the request it came from and resolved like an export's.
 */
export async function filterFromQueryString(q: Queryable, text: string): Promise<EnterpriseFilter> {
  const params = new URLSearchParams(text.replace(/^\?/, ''));
  const input: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in input) throw ApiError.because(400, reason('filter_twice', { key }));
    input[key] = value;
  }
  const known = new Set(Object.keys(MapFilterQuery.shape));
  const unknown = Object.keys(input).find((k) => !known.has(k));
  if (unknown) throw ApiError.because(400, reason('filter_unknown', { key: unknown, known: [...known].join(', ') }));
  const parsed = MapFilterQuery.safeParse(input);
  if (!parsed.success) throw invalidRequest(parsed.error, input, 'filter: ');
  return mapFilter(q, parsed.data);
}
