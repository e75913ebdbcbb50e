/**
 * What embed requests look up on every hit — the publication's status and latest version, and a
 * version's spec and file list — kept in memory so that tile requests do not each query DuckDB.
 * Versions never change, so they stay until evicted; a publication's status is re-read after a few
 * seconds, and at once after a change made through this server (invalidate).
 */
import type { Database } from '../../db/database.ts';
import { getPublication, getVersion, type PublicationRow, type VersionRow } from '../../db/publication-store.ts';

const STATUS_SECONDS = 5;
const MAX_VERSIONS = 500;

export class PublicationCache {
  private readonly publications = new Map<string, { row: PublicationRow | null; at: number }>();
  private readonly versions = new Map<string, VersionRow | null>();

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async publication(id: string): Promise<PublicationRow | null> {
    const hit = this.publications.get(id);
    if (hit && this.now() - hit.at < STATUS_SECONDS * 1000) return hit.row;
    // One read per publication at a time: a page's burst of tile requests shares it.
    let reading = this.reading.get(id);
    if (!reading) {
      reading = getPublication(this.db, id)
        .then((found) => {
          const row = found ?? null;
          if (this.publications.size > MAX_VERSIONS) this.publications.clear();
          this.publications.set(id, { row, at: this.now() });
          return row;
        })
        .finally(() => this.reading.delete(id));
      this.reading.set(id, reading);
    }
    return reading;
  }

  private readonly reading = new Map<string, Promise<PublicationRow | null>>();

  async version(id: string, version: number): Promise<VersionRow | null> {
    const key = `${id}/${version}`;
    if (this.versions.has(key)) {
      const row = this.versions.get(key) ?? null;
      // Least recently used last: re-insert on every hit.
      this.versions.delete(key);
      this.versions.set(key, row);
      return row;
    }
    const row = (await getVersion(this.db, id, version)) ?? null;
    if (row) {
      this.versions.set(key, row);
      if (this.versions.size > MAX_VERSIONS) this.versions.delete(this.versions.keys().next().value as string);
    }
    return row;
  }

  /**
   * A published version's row when everything about it is already known and fresh, else undefined
   * (the caller then asks the slow way, which reads and refreshes). Withdrawn, unknown or stale
   * publications are never answered from here.
   */
  peekPublished(id: string, version: number): VersionRow | undefined {
    const hit = this.publications.get(id);
    if (hit?.row?.status !== 'live' || this.now() - hit.at >= STATUS_SECONDS * 1000) return undefined;
    return this.versions.get(`${id}/${version}`) ?? undefined;
  }

  invalidate(id: string): void {
    this.publications.delete(id);
  }
}
