/**
 * Shapefiles, zipped (the usual way they travel) or as a .shp beside its .dbf, through mbostock's
 * shapefile reader. The .prj gives the CRS; the .cpg gives the attribute encoding. Without a .cpg
 * the DBF's language driver byte is consulted, then the bytes themselves: Chinese attribute tables
 * are usually GBK and rarely say so.
 */
import { existsSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { type Reason, reason } from '../../domain/reasons.ts';
import { UNDECODABLE } from '../encoding.ts';
import { attributeEncoding, dbfLayout, deletedRecords, fieldNames } from './dbf-table.ts';
import { BATCH_SIZE, type RawRecord, type ReadOptions, type Source, SourceError } from './record.ts';
import { unzipToDir } from './unzip-to-dir.ts';

const SIDECARS = ['.shp', '.dbf', '.prj', '.cpg', '.shx'] as const;
type Sidecar = (typeof SIDECARS)[number];

function pickShp(names: readonly string[], label: string, layer: string | undefined): string {
  const shps = names.filter((n) => n.toLowerCase().endsWith('.shp'));
  if (shps.length === 0) throw new SourceError(label, null, reason('import_zip_no_shp', { ext: '.shp' }));
  const stem = (n: string) => basename(n, extname(n));
  if (layer !== undefined) {
    const match = shps.find((n) => stem(n) === layer || stem(n).toLowerCase() === layer.toLowerCase());
    if (!match) throw new SourceError(label, null, reason('import_zip_layer_not_found', { layer, layers: shps.map(stem).join(', ') }));
    return match;
  }
  if (shps.length > 1) {
    throw new SourceError(label, null, reason('import_zip_many_layers', { count: shps.length, layers: shps.map(stem).join(', ') }));
  }
  return shps[0] as string;
}

export async function readShapefile(path: string, label: string, options: ReadOptions = {}): Promise<Source> {
  const files: Partial<Record<Sidecar, string>> = {};
  let tempDir: string | undefined;
  let layer: string;
  let layers: string[];
  if (extname(path).toLowerCase() === '.shp' || extname(label).toLowerCase() === '.shp') {
    const stem = join(dirname(path), basename(path, extname(path)));
    for (const ext of SIDECARS) {
      for (const candidate of [`${stem}${ext}`, `${stem}${ext.toUpperCase()}`]) if (existsSync(candidate)) files[ext] = candidate;
    }
    files['.shp'] = path;
    layer = basename(label, extname(label));
    layers = [layer];
  } else {
    const magic = Buffer.alloc(4);
    const handle = await open(path);
    await handle.read(magic, 0, 4, 0).finally(() => handle.close());
    if (magic.readUInt32LE(0) !== 0x04034b50)
      throw new SourceError(label, null, reason('import_not_zip', { sidecars: '.dbf, .prj, .cpg' }));
    const unzipped = await unzipToDir(
      path,
      label,
      (name) => !/(^|\/)(__MACOSX\/|\._)/.test(name) && SIDECARS.some((e) => name.toLowerCase().endsWith(e)),
      options.unzippedDir,
    );
    if (unzipped.temporary) tempDir = unzipped.dir;
    try {
      const chosen = pickShp(
        unzipped.entries.map((e) => e.name),
        label,
        options.layer,
      );
      const stem = chosen.slice(0, -4).toLowerCase();
      for (const e of unzipped.entries) {
        const ext = extname(e.name).toLowerCase() as Sidecar;
        if (e.name.slice(0, -ext.length).toLowerCase() === stem) files[ext] = e.path;
      }
      layer = basename(chosen, extname(chosen));
      layers = unzipped.entries.filter((e) => e.name.toLowerCase().endsWith('.shp')).map((e) => basename(e.name, extname(e.name)));
    } catch (error) {
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
      throw error;
    }
  }
  const cleanup = async () => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };

  try {
    if (!files['.dbf']) throw new SourceError(label, null, reason('import_shp_no_dbf', { layer, ext: '.dbf' }));
    const notes: Reason[] = [];
    const layout = await dbfLayout(files['.dbf']);
    const encoding = await attributeEncoding(files['.dbf'], files['.cpg'], layout, options, notes);
    const deleted = await deletedRecords(files['.dbf'], layout);
    if (deleted.size > 0) notes.push(reason('import_deleted_records', { count: deleted.size, ext: '.dbf' }));
    const crs = files['.prj'] ? (await readFile(files['.prj'], 'utf8')).trim() : undefined;
    let reader: Awaited<ReturnType<typeof shapefile.open>>;
    try {
      reader = await shapefile.open(files['.shp'] as string, files['.dbf'], { encoding: encoding.encoding });
    } catch (error) {
      throw new SourceError(label, null, reason('import_shp_unreadable', { detail: (error as Error).message }));
    }
    const headers = await fieldNames(files['.dbf'], layout, encoding.encoding);

    async function* batches(): AsyncGenerator<RawRecord[]> {
      let batch: RawRecord[] = [];
      try {
        for (let index = 0; ; index++) {
          let result: { done: boolean; value: { properties?: Record<string, unknown>; geometry: Geometry | null } };
          try {
            result = (await reader.read()) as typeof result;
          } catch (error) {
            throw new SourceError(
              label,
              index + 1,
              reason('import_shp_record_unreadable', { detail: (error as Error).message, ext: '.shp' }),
            );
          }
          if (result.done) break;
          if (deleted.has(index)) continue;
          const values: Record<string, unknown> = {};
          let undecodable: string[] | undefined;
          for (const [k, v] of Object.entries(result.value.properties ?? {})) {
            values[k] = v instanceof Date ? localDate(v) : v;
            if (typeof v === 'string' && v.includes(UNDECODABLE)) {
              undecodable ??= [];
              undecodable.push(k);
            }
          }
          const geometry = result.value.geometry ?? null;
          batch.push(undecodable ? { row: index + 1, values, geometry, undecodable } : { row: index + 1, values, geometry });
          if (batch.length >= BATCH_SIZE) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      } finally {
        await cleanup();
      }
    }
    return {
      info: {
        format: 'shapefile',
        encoding: encoding.encoding,
        encodingBy: encoding.by,
        headers,
        layer,
        layers,
        notes,
        ...(crs ? { crs } : {}),
      },
      batches: batches(),
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The reader builds DBF dates at local midnight; the calendar date is what the file holds. */
function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
