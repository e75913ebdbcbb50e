/**
 * The enterprises of a publication, read with only the fields its publisher ticked: a field not
 * ticked is a NULL literal in the SELECT, so its values never leave the database. The prefecture
 * is always read (the map and table count by it). Rows come in the table's default order:
 * prefecture, then most severe action and name where those are public (an order by a hidden
 * field would hint at its values).
 */

import { actionCode } from '../domain/actions.ts';
import type { PublicField } from '../domain/publish/public-fields.ts';
import type { Queryable } from './database.ts';
import { listValue } from './duckdb.ts';
import { actionCodeSql, type EnterpriseFilter, enterpriseWhere } from './enterprise-query.ts';
import type { RuleText as FlagRuleText } from './flag-store.ts';
import { getMeta } from './meta-store.ts';
import { readColumns } from './read-columns.ts';
import { dateOf } from './timestamps.ts';

export interface PublicRowColumns {
  count: number;
  key: Int32Array;
  region: (string | null)[];
  name: (string | null)[];
  creditCode: (string | null)[];
  sector: (string | null)[];
  lon: Float64Array;
  lat: Float64Array;
  /** actionCode() of the most severe flag, 0 when none (or when action is not public). */
  action: Int32Array;
  /** Rule ids of every flag, comma-separated. */
  rules: (string | null)[];
  /** ISO date: the earliest deadline among the flags of the most severe action. */
  deadline: (string | null)[];
  /** The ledger status of the case for the most severe action. */
  caseStatus: (string | null)[];
  dataVersion: number;
  screeningRun: number;
}

/** A rule's texts as a publication cites them (its jurisdiction is not shown). */
export type RuleText = Omit<FlagRuleText, 'jurisdiction'>;

export async function readPublicRows(q: Queryable, filter: EnterpriseFilter, fields: readonly PublicField[]): Promise<PublicRowColumns> {
  const has = (f: PublicField) => fields.includes(f);
  const where = enterpriseWhere(filter);
  const code = actionCodeSql('f.action');
  // Green manufacturing opens no case and the ranks put it last; a case joins by the action it tracks.
  const caseCode = actionCodeSql('c.action');
  const sql = `
    WITH sel AS (SELECT e.id, e.key, e.region_code, e.name, e.credit_code, e.sector, e.lon, e.lat FROM enterprises e ${where.sql}),
    f AS (SELECT f.enterprise_id, f.rule_id, f.deadline, ${code} AS code FROM flags f JOIN sel ON sel.id = f.enterprise_id),
    agg AS (SELECT enterprise_id, min(code) AS code, string_agg(DISTINCT rule_id, ',' ORDER BY rule_id) AS rules FROM f GROUP BY enterprise_id),
    dl AS (SELECT f.enterprise_id, min(f.deadline) AS deadline FROM f JOIN agg ON agg.enterprise_id = f.enterprise_id AND f.code = agg.code GROUP BY f.enterprise_id),
    cs AS (SELECT c.enterprise_id, c.status FROM cases c JOIN agg ON agg.enterprise_id = c.enterprise_id AND ${caseCode} = agg.code)
    SELECT sel.key, sel.region_code,
           ${has('name') ? 'sel.name' : 'NULL::VARCHAR'},
           ${has('credit_code') ? 'sel.credit_code' : 'NULL::VARCHAR'},
           ${has('sector') ? 'sel.sector' : 'NULL::VARCHAR'},
           ${has('location') ? 'sel.lon' : 'NULL::DOUBLE'},
           ${has('location') ? 'sel.lat' : 'NULL::DOUBLE'},
           ${has('action') ? 'coalesce(agg.code, 0)::INTEGER' : '0::INTEGER'},
           ${has('rule') ? 'agg.rules' : 'NULL::VARCHAR'},
           ${has('deadline') ? dateOf('dl.deadline') : 'NULL::VARCHAR'},
           ${has('progress') ? 'cs.status' : 'NULL::VARCHAR'}
    FROM sel
    LEFT JOIN agg ON agg.enterprise_id = sel.id
    LEFT JOIN dl ON dl.enterprise_id = sel.id
    LEFT JOIN cs ON cs.enterprise_id = sel.id
    ORDER BY sel.region_code NULLS LAST, ${has('action') ? `coalesce(nullif(agg.code, 0), ${actionCode('green') + 1}), ` : ''}${has('name') ? 'sel.name, ' : ''}sel.key`;
  const [key, region, name, creditCode, sector, lon, lat, action, rules, deadline, caseStatus] = await readColumns(
    q,
    sql,
    ['int32', 'text', 'text', 'text', 'text', 'float64', 'float64', 'int32', 'text', 'text', 'text'] as const,
    where.params,
  );
  return {
    count: key.length,
    key,
    region,
    name,
    creditCode,
    sector,
    lon,
    lat,
    action,
    rules,
    deadline,
    caseStatus,
    dataVersion: Number((await getMeta(q, 'data_version')) ?? 0),
    screeningRun: Number((await getMeta(q, 'screening_run')) ?? 0),
  };
}

/** The texts of these rules as the latest screening run stored them. */
export async function ruleTexts(q: Queryable, ids: readonly string[]): Promise<RuleText[]> {
  if (ids.length === 0) return [];
  return q.all<RuleText>(
    `SELECT rule_id, arg_max(policy, run_id) AS policy, arg_max(citation, run_id) AS citation,
            arg_max(title_zh, run_id) AS title_zh, arg_max(title_en, run_id) AS title_en
     FROM run_rules WHERE list_contains($ids, rule_id) GROUP BY rule_id ORDER BY rule_id`,
    { ids: listValue([...ids]) },
  );
}
