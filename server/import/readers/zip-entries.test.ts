import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KML, square, writeShapefileZip } from '../../../test/helpers/import-fixtures.ts';
import { writeZipBomb } from '../../../test/helpers/zip-bomb.ts';
import { readKml } from './kml.ts';
import { SourceError } from './record.ts';
import { readShapefile } from './shapefile.ts';
import { readZipEntries } from './zip-entries.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-zip-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `fn`, sampling the process's resident memory meanwhile; resolves to the error it threw and the peak growth. */
async function refusal(fn: () => Promise<unknown>): Promise<{ error: SourceError; seconds: number; grownMiB: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  try {
    await fn();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { error, seconds: (performance.now() - started) / 1000, grownMiB: (peak - before) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
  throw new Error('expected the zip to be refused');
}

const LIMITS = { maxUnzippedBytes: 2048 * 2 ** 20, maxZipRatio: 200 };

describe('zip bombs', () => {
  it('refuses a KMZ whose doc.kml deflates 1 GiB of spaces into a megabyte, quickly and in little memory', async () => {
    const path = join(dir, 'bomb.kmz');
    expect(writeZipBomb(path, [{ name: 'doc.kml', mib: 1024 }])).toBeLessThan(1.1 * 2 ** 20);
    const { error, seconds, grownMiB } = await refusal(() => readKml(path, 'bomb.kmz', true));
    expect(error.message).toMatch(
      /^bomb\.kmz: entry "doc\.kml" expands more than 200 times its compressed size .*GREENLINE_MAX_ZIP_RATIO.*zip bomb/,
    );
    expect(seconds).toBeLessThan(3);
    expect(grownMiB).toBeLessThan(300);
  });

  it('refuses a zipped shapefile whose .shp is a bomb, after writing no more than a few MiB, and leaves nothing on disk', async () => {
    const path = join(dir, 'bomb.zip');
    writeZipBomb(path, [
      { name: 'bomb.shp', mib: 1024, fill: 0 },
      { name: 'bomb.dbf', data: Buffer.from('not reached') },
    ]);
    const temp = () => readdirSync(tmpdir()).filter((n) => n.startsWith('greenline-unzip-')).length;
    const leftBefore = temp();
    const { error, seconds, grownMiB } = await refusal(() => readShapefile(path, 'bomb.zip'));
    expect(error.message).toContain('bomb.zip: entry "bomb.shp" expands more than 200 times');
    expect(seconds).toBeLessThan(3);
    expect(grownMiB).toBeLessThan(300);
    expect(temp()).toBe(leftBefore);
  });

  it('refuses a header that understates the size: the bytes inflated count, not what the zip claims', async () => {
    const path = join(dir, 'liar.kmz');
    writeZipBomb(path, [{ name: 'doc.kml', mib: 64, declaredSize: 100 }]);
    await expect(readKml(path, 'liar.kmz', true)).rejects.toThrow(/entry "doc\.kml" expands more than 200 times/);
  });

  it('caps the total across entries, each below the ratio threshold, naming the entry where it stopped', async () => {
    const path = join(dir, 'many.zip');
    writeZipBomb(path, [
      { name: 'a.shp', mib: 6 },
      { name: 'b.shp', mib: 6 },
    ]);
    const seen: string[] = [];
    const read = readZipEntries(
      path,
      'many.zip',
      () => true,
      (name) => {
        seen.push(name);
        return () => undefined;
      },
      { ...LIMITS, maxUnzippedBytes: 10 * 2 ** 20 },
    );
    await expect(read).rejects.toThrow(
      'many.zip: the zip expands to more than 10 MiB (the limit, GREENLINE_MAX_UNZIPPED_MB); refused while reading entry "b.shp"',
    );
    expect(seen).toEqual(['a.shp', 'b.shp']);
  });

  it('skips an entry not wanted unread, bomb or not', async () => {
    const path = join(dir, 'skip.kmz');
    writeZipBomb(path, [
      { name: 'images/huge.png', mib: 1024 },
      { name: 'doc.kml', data: Buffer.from(KML) },
    ]);
    const started = performance.now();
    const source = await readKml(path, 'skip.kmz', true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(source.info.headers).toContain('zone_type');
  });

  it('reads an honest zip whose small entry compresses far better than 200:1 (blank DBF padding)', async () => {
    const path = join(dir, 'padded.zip');
    writeZipBomb(path, [{ name: 'padded.dbf', mib: 4 }]);
    let size = 0;
    await readZipEntries(
      path,
      'padded.zip',
      () => true,
      () => (chunk) => {
        size += chunk.length;
      },
      LIMITS,
    );
    expect(size).toBe(4 * 2 ** 20);
  });
});

describe('broken zips', () => {
  it('refuses corrupt deflate data in a wanted entry, naming it', async () => {
    const path = join(dir, 'corrupt.kmz');
    const size = writeZipBomb(path, [{ name: 'doc.kml', data: Buffer.from(KML.repeat(50)) }]);
    const bytes = readFileSync(path);
    // Flip the bytes in the middle of the deflate stream.
    for (let i = 60; i < Math.min(size - 100, 200); i++) bytes[i] = 0xff;
    writeFileSync(path, bytes);
    await expect(readKml(path, 'corrupt.kmz', true)).rejects.toThrow(/^corrupt\.kmz: entry "doc\.kml" cannot be inflated \(/);
  });

  it('refuses a zip cut short as not readable', async () => {
    const path = join(dir, 'cut.kmz');
    writeZipBomb(path, [{ name: 'doc.kml', mib: 2 }]);
    writeFileSync(path, readFileSync(path).subarray(0, 600));
    await expect(readKml(path, 'cut.kmz', true)).rejects.toThrow(/^cut\.kmz: not a readable zip file \(/);
  });

  it('refuses a wanted entry compressed with a method other than stored or deflated', async () => {
    const path = join(dir, 'bzip2.kmz');
    writeZipBomb(path, [{ name: 'doc.kml', data: Buffer.from(KML) }]);
    const bytes = readFileSync(path);
    bytes.writeUInt16LE(12, 8);
    writeFileSync(path, bytes);
    await expect(readKml(path, 'bzip2.kmz', true)).rejects.toThrow(
      'bzip2.kmz: entry "doc.kml" uses compression method 12; only stored and deflated entries are read',
    );
  });
});

describe('kept extractions', () => {
  it('unpacks a zipped shapefile once into the directory it is given and reads it from there again', async () => {
    const path = writeShapefileZip(dir, 'parks.zip', [{ properties: { name: '园区' }, geometry: square(110, 40) }], { cpg: 'UTF-8' });
    const keep = join(dir, 'u1.unzipped');
    const first = await readShapefile(path, 'parks.zip', { unzippedDir: keep });
    await first.close();
    const manifest = join(keep, 'entries.json');
    expect(existsSync(manifest)).toBe(true);
    const unpacked = statSync(manifest).ino;
    const again = await readShapefile(path, 'parks.zip', { unzippedDir: keep });
    const rows = [];
    for await (const batch of again.batches) rows.push(...batch);
    expect(rows.map((r) => r.values.name)).toEqual(['园区']);
    // Read again from the same extraction, which outlives each read.
    expect(statSync(manifest).ino).toBe(unpacked);
    expect(readdirSync(dir).filter((n) => n.includes('.part-'))).toEqual([]);
  });
});
