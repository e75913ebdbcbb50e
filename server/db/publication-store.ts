/**
 * Publications and their frozen versions. The files of a version live on disk (publish/); these
 * rows say which versions exist, what spec and data each froze, and each file's size and SHA-256.
 */
import type { PublicationSpecT } from '../domain/publish/publication-spec.ts';
import type { Queryable } from './database.ts';
import { isoOf, sqlTimestamp } from './timestamps.ts';

export type PublicationStatus = 'live' | 'withdrawn';

export interface FileEntry {
  bytes: number;
  sha256: string;
}

export interface PublicationRow {
  id: string;
  status: PublicationStatus;
  created_at: string;
  created_by: string;
  withdrawn_at: string | null;
  latest_version: number;
}

export interface VersionRow {
  publication_id: string;
  version: number;
  published_at: string;
  published_by: string;
  spec: PublicationSpecT;
  enterprise_count: number;
  summary: { zh: string; en: string };
  data_version: number;
  screening_run: number;
  files: Record<string, FileEntry>;
}

export interface PublicationListing extends PublicationRow {
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
  enterprise_count: number;
  published_at: string;
  spec: PublicationSpecT;
}

const PUBLICATION_COLUMNS = `p.id, p.status, ${isoOf('p.created_at')} AS created_at, p.created_by,
  ${isoOf('p.withdrawn_at')} AS withdrawn_at, p.latest_version`;

export async function getPublication(q: Queryable, id: string): Promise<PublicationRow | undefined> {
  return q.one<PublicationRow>(`SELECT ${PUBLICATION_COLUMNS} FROM publications p WHERE p.id = $id`, { id });
}

export async function getVersion(q: Queryable, id: string, version: number): Promise<VersionRow | undefined> {
  const row = await q.one<Omit<VersionRow, 'spec' | 'files' | 'summary'> & { spec: string; files: string; summary: string }>(
    `SELECT publication_id, version, ${isoOf('published_at')} AS published_at, published_by, spec::VARCHAR AS spec,
            enterprise_count, summary::VARCHAR AS summary, data_version, screening_run, files::VARCHAR AS files
     FROM publication_versions WHERE publication_id = $id AND version = $version`,
    { id, version },
  );
  return row && { ...row, spec: JSON.parse(row.spec), files: JSON.parse(row.files), summary: JSON.parse(row.summary) };
}

export async function listPublications(q: Queryable): Promise<PublicationListing[]> {
  const rows = await q.all<PublicationRow & { spec: string; summary: string; enterprise_count: number; published_at: string }>(
    `SELECT ${PUBLICATION_COLUMNS}, v.spec::VARCHAR AS spec, v.summary::VARCHAR AS summary, v.enterprise_count,
            ${isoOf('v.published_at')} AS published_at
     FROM publications p JOIN publication_versions v ON v.publication_id = p.id AND v.version = p.latest_version
     ORDER BY p.created_at DESC, p.id`,
  );
  return rows.map((r) => {
    const spec = JSON.parse(r.spec) as PublicationSpecT;
    return { ...r, spec, title: spec.title, summary: JSON.parse(r.summary) };
  });
}

export async function insertPublication(q: Queryable, id: string, by: string, at: Date): Promise<void> {
  await q.run(
    `INSERT INTO publications (id, created_at, created_by, status, latest_version)
     VALUES ($id, CAST($at AS TIMESTAMP), $by, 'live', 0)`,
    { id, at: sqlTimestamp(at), by },
  );
}

/** Records a version and makes it the one /embed/{id} shows. The primary key refuses a version written twice. */
export async function insertVersion(q: Queryable, v: Omit<VersionRow, 'published_at'>, at: Date): Promise<void> {
  await q.run(
    `INSERT INTO publication_versions (publication_id, version, published_at, published_by, spec, enterprise_count,
                                       summary, data_version, screening_run, files)
     VALUES ($id, $version, CAST($at AS TIMESTAMP), $by, $spec, $count, $summary, $data, $run, $files)`,
    {
      id: v.publication_id,
      version: v.version,
      at: sqlTimestamp(at),
      by: v.published_by,
      spec: JSON.stringify(v.spec),
      count: v.enterprise_count,
      summary: JSON.stringify(v.summary),
      data: v.data_version,
      run: v.screening_run,
      files: JSON.stringify(v.files),
    },
  );
  await q.run('UPDATE publications SET latest_version = $version WHERE id = $id', { id: v.publication_id, version: v.version });
}

export async function withdrawPublication(q: Queryable, id: string, at: Date): Promise<void> {
  await q.run(`UPDATE publications SET status = 'withdrawn', withdrawn_at = CAST($at AS TIMESTAMP) WHERE id = $id`, {
    id,
    at: sqlTimestamp(at),
  });
}

/** Every file path the database knows of, for cleaning up a directory a crash left behind. */
export async function listVersionKeys(q: Queryable): Promise<{ publication_id: string; version: number }[]> {
  return q.all('SELECT publication_id, version FROM publication_versions ORDER BY publication_id, version');
}
