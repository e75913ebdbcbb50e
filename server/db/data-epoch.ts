/**
 * The version of everything the data-derived answers read: every meta value (data version,
 * screening run, zones changed, settings) and the rule set in force. Read on a connection of its
 * own, so that it never queues behind a long query, and at most every `freshMs`: within that
 * window a request may see the version just before a commit, which is what a reader during an
 * import should see anyway.
 */
import { createHash } from 'node:crypto';
import type { Database, Queryable } from './database.ts';

export class DataEpoch {
  private known: { value: string; at: number } | null = null;
  private reading: Promise<string> | null = null;
  private connection: Promise<Queryable> | null = null;

  constructor(
    private readonly db: Database,
    private readonly freshMs = 100,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Promise<string> {
    if (this.known && this.now() - this.known.at < this.freshMs) return Promise.resolve(this.known.value);
    this.reading ??= this.read().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(): Promise<string> {
    this.connection ??= this.db.session();
    const q = await this.connection;
    const row = await q.one<{ meta: string | null; rules: number | null }>(
      `SELECT (SELECT string_agg(key || '=' || value, ';' ORDER BY key) FROM meta) AS meta,
              (SELECT max(version) FROM rule_sets) AS rules`,
    );
    // Short enough for an ETag and a cache key; any change to meta or rules changes it.
    const value = createHash('sha1')
      .update(`${row?.meta ?? ''};rules=${row?.rules ?? 0}`)
      .digest('base64url')
      .slice(0, 16);
    this.known = { value, at: this.now() };
    return value;
  }
}
