/**
 * At start-up, whatever was committed but not screened is screened: an import whose process was
 * killed after its rows committed, rules or zones changed with screening deferred. It runs as of
 * the date the last run used (a restart is not a reason to judge as of another day), in the
 * background, while the server answers with `screening: "pending"` in /api/health and the ledger's
 * cases follow when it finishes (a screening run syncs them in its own transaction).
 */
import type { Database } from '../db/database.ts';
import { lastRun } from '../db/screening-run-store.ts';
import { today } from './run-screening.ts';
import { planScreening, screenChanged } from './screen-changed.ts';

export type ScreeningState = 'current' | 'pending' | 'failed';

/** Pending from the start until the check has run: health never says current before it knows. */
export class ScreeningStatus {
  state: ScreeningState = 'pending';
  reason: string | null = 'checking what was committed since the last run';
}

export async function catchUpScreening(db: Database, status: ScreeningStatus, log: (line: string) => void = console.log): Promise<void> {
  try {
    const asOf = (await lastRun(db))?.as_of ?? today();
    const plan = await planScreening(db, asOf);
    if (plan.kind !== 'none') {
      status.reason = plan.kind === 'all' ? plan.why : `${plan.enterpriseIds.length} enterprises changed`;
      log(`[greenline] screening what was committed but not screened (${status.reason}) as of ${asOf} …`);
      const summary = await screenChanged(db, asOf);
      log(`[greenline] screened ${summary?.enterprises ?? 0} enterprises: ${summary?.flags ?? 0} flags`);
    }
    status.state = 'current';
    status.reason = null;
  } catch (error) {
    status.state = 'failed';
    status.reason = error instanceof Error ? error.message : String(error);
    console.error('[greenline] catching up on screening failed:', error);
  }
}
