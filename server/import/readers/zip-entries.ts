/**
 * Streams the entries of a zip (a zipped shapefile, a KMZ) to the caller, inflating only those it
 * wants, and refuses a zip bomb while reading it rather than after: every chunk inflated counts
 * against a cap on the total expanded size and, per entry, a cap on how many times its compressed
 * size it has grown. Input is inflated 16 KiB at a time, so no single step produces more than
 * deflate's ~1032:1 of that (16.5 MiB) before the caps are checked again.
 */
import { createReadStream } from 'node:fs';
import { type FlateError, Inflate, Unzip, type UnzipDecoder, type UnzipFile } from 'fflate';
import iconv from 'iconv-lite';
import { reason } from '../../domain/reasons.ts';
import { isValidUtf8 } from '../encoding.ts';
import { formatMiB, type ImportLimits, importLimits, ZIP_RATIO_FROM_BYTES } from '../limits.ts';
import { SourceError } from './record.ts';

const STEP = 16 * 1024;
const STORED = 0;
const DEFLATED = 8;

/** Receives an entry's bytes (do not keep `chunk` without copying it); may throw a SourceError to stop. */
export type EntrySink = (chunk: Uint8Array, final: boolean) => void;

/**
 * fflate decodes names without the UTF-8 flag as Latin-1; zip tools on Chinese Windows write
 * them in GBK. The bytes are recovered from the Latin-1 string and decoded properly.
 */
export function zipEntryName(raw: string): string {
  const codes = [...raw].map((c) => c.codePointAt(0) ?? 0);
  // Only a name made of Latin-1 characters, some of them high, can be mis-decoded bytes.
  if (!codes.some((c) => c >= 0x80) || codes.some((c) => c > 0xff)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  return isValidUtf8(bytes) ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
}

/**
 * What fflate throws means a broken zip; what a sink throws passes as it is: a SourceError, or a
 * system error (a full disk: ENOSPC), which carries a string code where fflate's is a number.
 */
const isZipError = (error: unknown): error is Error =>
  error instanceof Error && !(error instanceof SourceError) && typeof (error as NodeJS.ErrnoException).code !== 'string';

type Limits = Pick<ImportLimits, 'maxUnzippedBytes' | 'maxZipRatio'>;

export async function readZipEntries(
  path: string,
  label: string,
  wanted: (name: string) => boolean,
  open: (name: string) => EntrySink,
  limits: Limits = importLimits(),
): Promise<void> {
  let expanded = 0;

  /**
   * fflate builds one decoder per entry, from its name. Entries not wanted are swallowed unread:
   * an entry never started would instead be kept, compressed, in memory to the end.
   */
  class MeteredDecoder implements UnzipDecoder {
    /** Set by fflate; passes what is inflated on to the entry's handler. */
    ondata: (error: FlateError | null, data: Uint8Array, final: boolean) => void = () => undefined;
    private readonly name: string;
    private readonly wanted: boolean;
    private readonly inflate: Inflate | undefined;
    private compressed = 0;
    private produced = 0;

    constructor(
      raw: string,
      private readonly method: number,
    ) {
      this.name = zipEntryName(raw);
      this.wanted = wanted(this.name);
      if (this.wanted && method === DEFLATED) this.inflate = new Inflate((data, final) => this.emit(data, final));
    }

    push(chunk: Uint8Array, final: boolean): void {
      if (!this.wanted) return;
      if (this.method === STORED) {
        this.compressed += chunk.length;
        this.emit(chunk, final);
        return;
      }
      if (chunk.length === 0) {
        if (final) this.inflate?.push(chunk, true);
        return;
      }
      for (let at = 0; at < chunk.length; at += STEP) {
        const step = chunk.subarray(at, at + STEP);
        this.compressed += step.length;
        try {
          this.inflate?.push(step, final && at + STEP >= chunk.length);
        } catch (error) {
          if (!isZipError(error)) throw error;
          throw new SourceError(label, null, reason('import_zip_entry_inflate', { entry: this.name, detail: error.message }));
        }
      }
    }

    private emit(data: Uint8Array, final: boolean): void {
      expanded += data.length;
      this.produced += data.length;
      if (expanded > limits.maxUnzippedBytes) {
        throw new SourceError(
          label,
          null,
          reason('import_zip_too_large', {
            limit: formatMiB(limits.maxUnzippedBytes),
            setting: 'GREENLINE_MAX_UNZIPPED_MB',
            entry: this.name,
          }),
        );
      }
      if (this.produced > ZIP_RATIO_FROM_BYTES && this.produced > limits.maxZipRatio * this.compressed) {
        throw new SourceError(
          label,
          null,
          reason('import_zip_bomb', {
            entry: this.name,
            ratio: limits.maxZipRatio,
            compressed: formatMiB(this.compressed),
            produced: formatMiB(this.produced),
            setting: 'GREENLINE_MAX_ZIP_RATIO',
          }),
        );
      }
      this.ondata(null, data, final);
    }
  }
  const decoder = (method: number) =>
    class extends MeteredDecoder {
      static compression = method;
      constructor(raw: string) {
        super(raw, method);
      }
    };

  const unzip = new Unzip((file: UnzipFile) => {
    const name = zipEntryName(file.name);
    if (name.endsWith('/')) return;
    if (!wanted(name)) {
      // Unknown methods (bzip2, AES…) are left unstarted: fflate cannot even skip them when started.
      if (file.compression === STORED || file.compression === DEFLATED) {
        file.ondata = () => undefined;
        file.start();
      }
      return;
    }
    if (file.compression !== STORED && file.compression !== DEFLATED) {
      throw new SourceError(label, null, reason('import_zip_method', { entry: name, method: file.compression, supported: 'deflate' }));
    }
    const sink = open(name);
    file.ondata = (error, chunk, final) => {
      if (error) throw new SourceError(label, null, reason('import_zip_entry_unreadable', { entry: name, detail: error.message }));
      sink(chunk, final);
    };
    file.start();
  });
  unzip.register(decoder(STORED));
  unzip.register(decoder(DEFLATED));

  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream) unzip.push(chunk as Uint8Array);
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (!isZipError(error)) throw error;
    throw new SourceError(label, null, reason('import_zip_unreadable', { detail: error.message }));
  } finally {
    stream.destroy();
  }
}
