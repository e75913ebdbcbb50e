/**
 * Moves one enterprise to a new position inside the caller's transaction, through the import
 * pipeline's own staging table and merge (EnterpriseStage): the stored row is copied into the
 * stage with only lon, lat, region code, whether it is in a park, and updated_at changed, and merged by upsert, which keeps
 * the enterprise's key and leaves its indicators, equipment and compliance history alone. Copying
 * in SQL rather than through a one-row file keeps every column exactly as stored (JSON attributes,
 * nulls, the search text), where a text round trip would re-parse them.
 */
import type { Queryable } from './database.ts';
import { EnterpriseStage } from './enterprise-stage.ts';
import { bumpDataVersion } from './meta-store.ts';
import { sqlTimestamp } from './timestamps.ts';

export interface EnterprisePosition {
  lon: number;
  lat: number;
  region_code: string | null;
  in_park: boolean | null;
}

export async function enterprisePosition(q: Queryable, id: string): Promise<EnterprisePosition | undefined> {
  return q.one<EnterprisePosition>('SELECT lon, lat, region_code, in_park FROM enterprises WHERE id = $id', { id });
}

/** Answers false when there is no such enterprise (nothing is written then). */
export async function moveEnterprise(q: Queryable, id: string, to: EnterprisePosition, at: Date): Promise<boolean> {
  const stage = await EnterpriseStage.create(q);
  await q.run(
    `INSERT INTO stage_enterprises
       SELECT * REPLACE (CAST($lon AS DOUBLE) AS lon, CAST($lat AS DOUBLE) AS lat, CAST($region AS VARCHAR) AS region_code,
                         CAST($inPark AS BOOLEAN) AS in_park, CAST($at AS TIMESTAMP) AS updated_at), 1 AS _row
       FROM enterprises WHERE id = $id`,
    { id, lon: to.lon, lat: to.lat, region: to.region_code, inPark: to.in_park, at: sqlTimestamp(at) },
  );
  const updated = await stage.merge(false);
  await stage.drop();
  if (updated !== 1) return false;
  await bumpDataVersion(q);
  return true;
}
