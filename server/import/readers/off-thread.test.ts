/**
 * A file read on a worker thread gives exactly what reading it in place gives — the same info,
 * the same records in the same batches, the same errors with their rows — and leaves no thread
 * behind, read to the end or stopped early.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  KML,
  LEDGER,
  square,
  writeKmz,
  writeParquet,
  writeShapefileZip,
  writeText,
  writeXlsx,
} from '../../../test/helpers/import-fixtures.ts';
import { openSource } from './index.ts';
import { openSourceOffThread, readerThreads, threadThresholdBytes } from './off-thread.ts';
import { type RawRecord, type Source, SourceError } from './record.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'greenline-off-thread-'));
  // Every file goes to a worker, however small.
  process.env.GREENLINE_IMPORT_THREAD_MB = '0';
});
afterEach(() => {
  process.env.GREENLINE_IMPORT_THREAD_MB = '0';
});
afterAll(() => {
  delete process.env.GREENLINE_IMPORT_THREAD_MB;
  rmSync(dir, { recursive: true, force: true });
});

async function readAll(source: Source): Promise<RawRecord[][]> {
  const batches: RawRecord[][] = [];
  for await (const batch of source.batches) batches.push(batch);
  await source.close();
  return batches;
}

async function both(path: string, label: string) {
  const inPlace = await openSource(path, label);
  const offThread = await openSourceOffThread(path, label);
  return {
    inPlace: { info: inPlace.info, batches: await readAll(inPlace) },
    offThread: { info: offThread.info, batches: await readAll(offThread) },
  };
}

describe('reading on a worker thread', () => {
  it('CSV, XLSX, GeoJSON, zipped shapefile, KMZ and GeoParquet read the same as in place', async () => {
    const many = ['id,name,lon,lat', ...Array.from({ length: 4500 }, (_, i) => `M${i},企业${i},110.${i % 10},40.5`)].join('\n');
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'G1', properties: { name: '保护区' }, geometry: square(110, 41) }],
    });
    const files = [
      [writeText(dir, 'ledger.csv', LEDGER, 'gbk'), 'ledger.csv'],
      [writeText(dir, 'many.csv', many), 'many.csv'],
      [
        await writeXlsx(dir, 'book.xlsx', {
          企业: [
            ['id', 'name', 'when'],
            ['X1', '工厂', new Date('2024-03-01')],
          ],
        }),
        'book.xlsx',
      ],
      [writeText(dir, 'zones.geojson', geojson), 'zones.geojson'],
      [writeShapefileZip(dir, 'parks.zip', [{ properties: { name: '园区' }, geometry: square(110, 40) }], { cpg: 'UTF-8' }), 'parks.zip'],
      [writeKmz(dir, 'zones.kmz', KML), 'zones.kmz'],
      [
        await writeParquet(
          dir,
          'plants.parquet',
          "SELECT 'P1' AS id, '厂' AS name, 110.5 AS lon, 40.5 AS lat, 12.5::DECIMAL(8,2) AS capacity",
        ),
        'plants.parquet',
      ],
    ] as const;
    for (const [path, label] of files) {
      const { inPlace, offThread } = await both(path, label);
      expect(offThread, label).toEqual(inPlace);
      await vi.waitFor(() => expect(readerThreads()).toBe(0));
      expect(inPlace.batches.flat().length, label).toBeGreaterThan(0);
    }
  });

  it('a file that breaks part-way fails with the same SourceError, row and detail', async () => {
    const broken = writeText(dir, 'broken.csv', ['id,name', 'A,一', 'B,"unclosed', 'C,三'].join('\n'));
    const failure = async (open: () => Promise<Source>) => {
      try {
        await readAll(await open());
        return null;
      } catch (error) {
        return error;
      }
    };
    const inPlace = await failure(() => openSource(broken, 'broken.csv'));
    const offThread = await failure(() => openSourceOffThread(broken, 'broken.csv'));
    expect(inPlace).toBeInstanceOf(SourceError);
    expect(offThread).toBeInstanceOf(SourceError);
    expect({ ...(offThread as SourceError), message: (offThread as Error).message }).toEqual({
      ...(inPlace as SourceError),
      message: (inPlace as Error).message,
    });
  });

  it('a file that cannot be opened fails at open, as in place', async () => {
    const path = join(dir, 'not-json.geojson');
    writeFileSync(path, '{"type": "FeatureCollection", "features": [');
    await expect(openSourceOffThread(path, 'not-json.geojson')).rejects.toThrow(/not valid JSON/);
    await expect(openSourceOffThread(join(dir, 'notes.docx'), 'notes.docx')).rejects.toThrow();
  });

  it('stopping after the first batch ends the worker; small files stay on this thread by default', async () => {
    const many = ['id,name', ...Array.from({ length: 9000 }, (_, i) => `S${i},企业${i}`)].join('\n');
    const path = writeText(dir, 'stop.csv', many);
    const source = await openSourceOffThread(path, 'stop.csv');
    for await (const batch of source.batches) {
      expect(batch.length).toBeGreaterThan(0);
      expect(readerThreads()).toBe(1);
      break;
    }
    await source.close();
    await vi.waitFor(() => expect(readerThreads()).toBe(0));
    delete process.env.GREENLINE_IMPORT_THREAD_MB;
    expect(threadThresholdBytes()).toBe(8 * 2 ** 20);
  });
});
