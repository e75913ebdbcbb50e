/**
 * The map's facts (db/map-facts.ts) of the data as it is: one per data version and screening run,
 * built on first use, the previous one closed a minute after it was replaced. A server whose
 * database is large enough for the map's server-side mode builds them as it starts (warm), so the
 * first planner does not wait for them.
 */
import type { Database } from '../db/database.ts';
import { countEnterprises } from '../db/enterprise-store.ts';
import { MapFacts } from '../db/map-facts.ts';
import { getMeta } from '../db/meta-store.ts';

/**
 * Above this many enterprises the planner map works from the server (README, "The map at national
 * scale"): at a million, the browser's first frame already takes 2.2–2.8 s (16 MB of points), the
 * 2.5 s the map is held to.
 */
export const SERVER_MAP_ABOVE = 1_000_000;

/** One MapFacts per data version and screening run, built on first use; the last one is kept. */
export class MapFactsHolder {
  private current: { key: string; facts: Promise<MapFacts> } | null = null;

  constructor(
    private readonly db: Database,
    /** Enterprises above which the planner map works from the server (config.mapServerAbove). */
    readonly serverAbove = SERVER_MAP_ABOVE,
  ) {}

  /** Which way the planner map works for the data as it is, and over how many enterprises. */
  async mode(): Promise<{ mode: 'browser' | 'server'; enterprises: number }> {
    const enterprises = await countEnterprises(this.db);
    return { mode: enterprises > this.serverAbove ? 'server' : 'browser', enterprises };
  }

  async get(): Promise<MapFacts> {
    const key = `${(await getMeta(this.db, 'data_version')) ?? 0}.${(await getMeta(this.db, 'screening_run')) ?? 0}`;
    if (this.current?.key !== key) {
      const previous = this.current;
      const facts = MapFacts.build(this.db);
      this.current = { key, facts };
      facts.catch(() => {
        if (this.current?.facts === facts) this.current = null;
      });
      // Requests already counting on the old facts finish first; a minute is far beyond any.
      if (previous) setTimeout(() => previous.facts.then((f) => f.close()).catch(() => undefined), 60_000).unref();
    }
    return this.current.facts;
  }
}

/**
 * Builds the facts now, and loads the latest year's indicators, when the database is large enough
 * for the server-side map; resolves with the seconds taken, or null.
 */
export async function warmMapFacts(holder: MapFactsHolder): Promise<number | null> {
  if ((await holder.mode()).mode !== 'server') return null;
  const started = performance.now();
  const facts = await holder.get();
  // The latest year's indicators too, which the first range filter reads (some 25 s at five million).
  if (facts.latestYear !== null) await facts.indicators(facts.latestYear);
  return (performance.now() - started) / 1000;
}
