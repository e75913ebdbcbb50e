/**
 * `greenline publish export ID --out DIR`: one version of a publication as a folder any static
 * web server can serve — index.html (the embed), table.html, the embed's scripts and styles, and
 * the version's files under data/. Public traffic can then be served from copies on object
 * storage or a CDN, with no Greenline server or database behind them. The server must honour HTTP
 * range requests, which the PMTiles archives are read by (nginx, S3, every CDN do).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { getPublication, getVersion } from '../db/publication-store.ts';
import type { PublicRow, SnapshotMeta } from '../domain/publish/snapshot.ts';
import { reason } from '../domain/reasons.ts';
import { readEmbedAssets } from './embed-assets.ts';
import { embedPage } from './pages/embed-page.ts';
import { tablePage } from './pages/table-page.ts';
import { PublicationError, versionDir } from './publications.ts';

export interface StaticExport {
  id: string;
  version: number;
  dir: string;
  files: number;
  bytes: number;
}

const README = `This folder is a Greenline publication, frozen at one version.
Serve it from any static web server that honours HTTP range requests (nginx, Apache, object
storage, a CDN); index.html is the map, table.html the same data as a table. data/*.pmtiles are
read in byte ranges: a server that answers a range request with the whole file breaks the map.
`;

export async function exportStatic(db: Database, root: string, webDir: string, id: string, out: string): Promise<StaticExport> {
  const publication = await getPublication(db, id);
  if (!publication) throw new PublicationError(404, reason('publication_not_found', { id }));
  if (publication.status === 'withdrawn') throw new PublicationError(409, reason('publication_withdrawn_export', { id }));
  const version = await getVersion(db, id, publication.latest_version);
  if (!version) throw new Error(`publication "${id}" has no version ${publication.latest_version}`);
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`--out ${out} exists and is not empty; choose a new folder`);

  const temp = `${out.replace(/\/+$/, '')}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  try {
    const from = versionDir(root, id, version.version);
    let bytes = 0;
    for (const [name, entry] of Object.entries(version.files)) {
      const target = join(temp, 'data', name);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(from, name), target);
      bytes += entry.bytes;
    }
    const assets = readEmbedAssets(webDir, './');
    for (const file of assets.files) {
      const target = join(temp, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(webDir, file), target);
    }
    const meta = JSON.parse(readFileSync(join(from, 'meta.json'), 'utf8')) as SnapshotMeta;
    const firstRows = meta.chunks > 0 ? (JSON.parse(readFileSync(join(from, 'rows/0.json'), 'utf8')).rows as PublicRow[]) : [];
    writeFileSync(
      join(temp, 'index.html'),
      embedPage({
        meta,
        lang: 'zh',
        assets: assets.embed,
        dataBase: './data/',
        tableUrl: './table.html',
        otherLangUrl: './index.html?lang=en',
      }),
    );
    writeFileSync(
      join(temp, 'table.html'),
      tablePage({
        meta,
        lang: 'zh',
        assets: assets.table,
        dataBase: './data/',
        mapUrl: './index.html',
        otherLangUrl: './table.html?lang=en',
        firstRows,
      }),
    );
    writeFileSync(join(temp, 'README.txt'), README);
    if (existsSync(out)) rmSync(out, { recursive: true });
    mkdirSync(dirname(out), { recursive: true });
    renameSync(temp, out);
    return { id, version: version.version, dir: out, files: Object.keys(version.files).length + assets.files.length + 3, bytes };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
