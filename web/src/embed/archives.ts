/**
 * The version's PMTiles archives, opened once for the whole page: the first frame reads its tiles
 * through them, then MapLibre's pmtiles protocol is handed the same instances, so the header and
 * directories are fetched once and the first frame's tiles are MapLibre's first tiles too.
 */
import { FetchSource, PMTiles, type RangeResponse, type Source } from 'pmtiles';

/** Keeps every range it fetched until `forget()`: what the first frame read, the map reads again. */
class RememberingSource implements Source {
  private kept: Map<string, Promise<RangeResponse>> | null = new Map();
  constructor(private readonly inner: FetchSource) {}

  getKey(): string {
    return this.inner.getKey();
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (!this.kept) return this.inner.getBytes(offset, length, signal, etag);
    const key = `${offset}:${length}`;
    let pending = this.kept.get(key);
    if (!pending) {
      // No signal: a request MapLibre cancels must not cancel the copy the other reader waits on.
      pending = this.inner.getBytes(offset, length, undefined, etag);
      this.kept.set(key, pending);
      pending.catch(() => this.kept?.delete(key));
    }
    const response = await pending;
    // A copy each time: MapLibre transfers the buffer it gets to its worker, detaching it.
    return { ...response, data: response.data.slice(0) };
  }

  forget(): void {
    this.kept = null;
  }
}

export class Archives {
  private readonly sources = new Map<string, RememberingSource>();
  readonly byUrl = new Map<string, PMTiles>();

  /** `urls` are the archives' absolute addresses, as the style names them after `pmtiles://`. */
  constructor(urls: string[]) {
    for (const url of urls) {
      const source = new RememberingSource(new FetchSource(url));
      this.sources.set(url, source);
      this.byUrl.set(url, new PMTiles(source));
    }
  }

  /** The archive behind a style source's `pmtiles://…` URL. */
  forSourceUrl(url: string | undefined): PMTiles | undefined {
    return url?.startsWith('pmtiles://') ? this.byUrl.get(url.slice('pmtiles://'.length)) : undefined;
  }

  /** Once the map has drawn, stop keeping ranges: from then on MapLibre's own tile cache holds them. */
  forget(): void {
    for (const source of this.sources.values()) source.forget();
  }
}
