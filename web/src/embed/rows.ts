/** Public rows by number, fetched a chunk at a time from the version's row files and kept. */
import type { PublicRow, SnapshotMeta } from '../../../server/domain/publish/snapshot.ts';
import { chunkFile } from '../../../server/domain/publish/snapshot.ts';

export class RowStore {
  private readonly chunks = new Map<number, Promise<PublicRow[]>>();

  constructor(
    private readonly meta: SnapshotMeta,
    private readonly dataBase: string,
  ) {}

  chunk(n: number): Promise<PublicRow[]> {
    let pending = this.chunks.get(n);
    if (!pending) {
      // Not api/request.ts: these are frozen static files (maybe on another host, in a static
      // export), not API calls with the API's error body, and the embed shares no code with the app.
      pending = fetch(new URL(chunkFile(n), this.dataBase)).then(async (r) => {
        if (!r.ok) throw new Error(`${chunkFile(n)}: ${r.status}`);
        return ((await r.json()) as { rows: PublicRow[] }).rows;
      });
      pending.catch(() => this.chunks.delete(n));
      this.chunks.set(n, pending);
    }
    return pending;
  }

  async row(i: number): Promise<PublicRow | undefined> {
    const rows = await this.chunk(Math.floor(i / this.meta.rowsPerChunk));
    return rows[i % this.meta.rowsPerChunk];
  }

  /** Every row, in default order (the table sorts them); `onProgress` hears chunks as they come. */
  async all(onProgress?: (loaded: number) => void): Promise<PublicRow[]> {
    const out: PublicRow[] = [];
    for (let n = 0; n < this.meta.chunks; n++) {
      out.push(...(await this.chunk(n)));
      onProgress?.(out.length);
    }
    return out;
  }
}
