/**
 * A case's relocation destination as the case detail shows it (GET /api/cases/{id}): the proposed
 * site, its approval, when the enterprise was moved there, and what capacity replacement allows
 * it to rebuild (domain/relocation/capacity-replacement.ts, with the shipped ratios).
 */
import { readFile } from 'node:fs/promises';
import { enterpriseCapacity, getCaseSite } from '../db/case-site-store.ts';
import type { Queryable } from '../db/database.ts';
import type { CaseView } from '../domain/case.ts';
import {
  type CapacityReplacement,
  type CapacityReplacementTable,
  CapacityReplacementTableSchema,
  capacityReplacement,
} from '../domain/relocation/capacity-replacement.ts';
import { isMovingAction } from './case-sites.ts';

const CAPACITY_FILE = new URL('../../data/relocation/capacity-replacement.json', import.meta.url);
let capacityTable: Promise<CapacityReplacementTable> | undefined;

/** The shipped capacity-replacement ratios, read and validated once: a broken file fails loudly, naming it. */
function capacityReplacementTable(): Promise<CapacityReplacementTable> {
  capacityTable ??= readFile(CAPACITY_FILE, 'utf8').then((text) => {
    const parsed = CapacityReplacementTableSchema.safeParse(JSON.parse(text));
    if (!parsed.success)
      throw new Error(`${CAPACITY_FILE.pathname}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return parsed.data;
  });
  return capacityTable;
}

/** A case's destination as the case detail shows it; null for cases that do not move. */
export interface CaseRelocation {
  proposed: {
    park_id: string | null;
    name: string | null;
    lon: number;
    lat: number;
    region_code: string | null;
    reason: string;
    proposed_by: string;
    proposed_at: string;
  } | null;
  approved: { approved_by: string; approved_at: string; note: string | null } | null;
  applied_at: string | null;
  capacity: CapacityReplacement | null;
}

export async function caseRelocation(
  q: Queryable,
  c: Pick<CaseView, 'id' | 'action' | 'enterprise_id'>,
  today: string,
): Promise<CaseRelocation | null> {
  if (!isMovingAction(c.action)) return null;
  const site = await getCaseSite(q, c.id);
  const enterprise = await enterpriseCapacity(q, c.enterprise_id);
  const capacity =
    enterprise?.sector && enterprise.capacity !== null
      ? capacityReplacement(
          await capacityReplacementTable(),
          {
            sector: enterprise.sector,
            region_code: enterprise.region_code,
            capacity: enterprise.capacity,
            capacity_unit: enterprise.capacity_unit,
          },
          today,
        )
      : null;
  return {
    proposed: site
      ? {
          park_id: site.park_id,
          name: site.site_name,
          lon: site.lon,
          lat: site.lat,
          region_code: site.site_region_code,
          reason: site.reason,
          proposed_by: site.proposed_by,
          proposed_at: site.proposed_at,
        }
      : null,
    approved:
      site?.approved_by && site.approved_at
        ? { approved_by: site.approved_by, approved_at: site.approved_at, note: site.approval_note }
        : null,
    applied_at: site?.applied_at ?? null,
    capacity,
  };
}
