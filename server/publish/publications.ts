/**
 * Publishing: create, re-publish, rename and withdraw publications. A version's files are written
 * into a private temporary folder and renamed into place before the database records them, in one
 * transaction with the audit entry; a crash at any point leaves either a whole version or a
 * leftover folder that cleanLeftovers() removes at the next start. Versions never change once
 * written: re-publishing and renaming make new ones.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../db/audit-store.ts';
import type { Database } from '../db/database.ts';
import type { EnterpriseFilter } from '../db/enterprise-query.ts';
import {
  type FileEntry,
  getPublication,
  getVersion,
  insertPublication,
  insertVersion,
  listVersionKeys,
  type PublicationRow,
  type VersionRow,
  withdrawPublication,
} from '../db/publication-store.ts';
import type { AuditEvent } from '../domain/audit.ts';
import type { PublicationSpecT } from '../domain/publish/publication-spec.ts';
import type { SnapshotMeta } from '../domain/publish/snapshot.ts';
import { reason } from '../domain/reasons.ts';
import { ReasonedRefusal } from '../domain/refusal.ts';
import { buildSnapshot } from './build-snapshot.ts';

/** Turns the spec's filter query into the filter the database applies (the HTTP layer's own parser). */
export type ResolveFilter = (db: Database, query: string) => Promise<EnterpriseFilter>;

export interface PublishContext {
  db: Database;
  /** The publications folder: {dir}/{id}/v{n}/… */
  dir: string;
  resolveFilter: ResolveFilter;
}

export interface Published {
  id: string;
  version: number;
  count: number;
  title: { zh: string; en: string };
  summary: { zh: string; en: string };
  timings: Record<string, number>;
}

export class PublicationError extends ReasonedRefusal {}

export const versionDir = (root: string, id: string, version: number) => join(root, id, `v${version}`);

/** Ten characters of base32: short enough for a URL, too many to guess (50 bits). */
function newId(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % 32]).join('');
}

export async function createPublication(ctx: PublishContext, spec: PublicationSpecT, actor: string): Promise<Published> {
  const id = newId();
  return writeVersion(ctx, id, 1, spec, actor, 'published', async (tx, at) => insertPublication(tx, id, actor, at));
}

/** A new version from the same choices over today's data. */
export async function republish(ctx: PublishContext, id: string, actor: string): Promise<Published> {
  const { publication, latest } = await live(ctx.db, id);
  return writeVersion(ctx, id, publication.latest_version + 1, latest.spec, actor, 'republished');
}

/** A new version with new titles over the same frozen data: nothing else a visitor sees changes. */
export async function rename(ctx: PublishContext, id: string, title: { zh: string; en: string }, actor: string): Promise<Published> {
  const { publication, latest } = await live(ctx.db, id);
  const version = publication.latest_version + 1;
  const spec: PublicationSpecT = { ...latest.spec, title: { zh: title.zh, en: title.en } };
  const at = new Date();
  const temp = tempDir(ctx.dir, id);
  try {
    const from = versionDir(ctx.dir, id, latest.version);
    for (const name of Object.keys(latest.files)) {
      if (name === 'meta.json') continue;
      mkdirSync(join(temp, name, '..'), { recursive: true });
      linkOrCopy(join(from, name), join(temp, name));
    }
    const meta = JSON.parse(readFileSync(join(from, 'meta.json'), 'utf8')) as SnapshotMeta;
    writeFileSync(
      join(temp, 'meta.json'),
      JSON.stringify({ ...meta, version, publishedAt: at.toISOString(), title: { zh: title.zh, en: title.en || title.zh } }),
    );
    const files: Record<string, FileEntry> = { ...latest.files, 'meta.json': fileEntry(join(temp, 'meta.json')) };
    await commitVersion(ctx, temp, { ...latest, version, spec, files, published_by: actor }, at, 'renamed', latest.spec.title.zh, title.zh);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  return { id, version, count: latest.enterprise_count, title, summary: latest.summary, timings: {} };
}

export async function withdraw(db: Database, id: string, actor: string): Promise<void> {
  const publication = await getPublication(db, id);
  if (!publication) throw new PublicationError(404, reason('publication_not_found', { id }));
  if (publication.status === 'withdrawn') throw new PublicationError(409, reason('publication_withdrawn', { id }));
  await db.transaction(async (tx) => {
    const at = new Date();
    await withdrawPublication(tx, id, at);
    await appendAudit(
      tx,
      [{ entity: 'publication', entity_id: id, actor, event: 'withdrawn', from: 'live', to: 'withdrawn', reason: null, details: null }],
      at,
    );
  });
}

/** Removes what a crash left: temporary folders, and version folders the database never recorded. */
export async function cleanLeftovers(db: Database, root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const known = new Set((await listVersionKeys(db)).map((k) => `${k.publication_id}/v${k.version}`));
  const removed: string[] = [];
  for (const id of readdirSync(root)) {
    const folder = join(root, id);
    for (const entry of readdirSync(folder)) {
      if (entry.startsWith('.tmp-') || !known.has(`${id}/${entry}`)) {
        rmSync(join(folder, entry), { recursive: true, force: true });
        removed.push(`${id}/${entry}`);
      }
    }
  }
  return removed;
}

async function live(db: Database, id: string): Promise<{ publication: PublicationRow; latest: VersionRow }> {
  const publication = await getPublication(db, id);
  if (!publication) throw new PublicationError(404, reason('publication_not_found', { id }));
  if (publication.status === 'withdrawn') throw new PublicationError(409, reason('publication_withdrawn_republish', { id }));
  const latest = await getVersion(db, id, publication.latest_version);
  if (!latest) throw new Error(`publication "${id}" has no version ${publication.latest_version}`);
  return { publication, latest };
}

async function writeVersion(
  ctx: PublishContext,
  id: string,
  version: number,
  spec: PublicationSpecT,
  actor: string,
  event: AuditEvent,
  before?: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], at: Date) => Promise<void>,
): Promise<Published> {
  const filter = await ctx.resolveFilter(ctx.db, spec.filter);
  const at = new Date();
  const temp = tempDir(ctx.dir, id);
  try {
    // Its own connection: a million-row read must not queue the server's other readers.
    const session = await ctx.db.session();
    let snapshot: Awaited<ReturnType<typeof buildSnapshot>>;
    try {
      snapshot = await buildSnapshot(session, { id, version, spec, filter, publishedAt: at }, temp);
    } finally {
      session.close();
    }
    const row: Omit<VersionRow, 'published_at'> = {
      publication_id: id,
      version,
      published_by: actor,
      spec,
      enterprise_count: snapshot.meta.count,
      summary: snapshot.meta.summary,
      data_version: snapshot.dataVersion,
      screening_run: snapshot.screeningRun,
      files: snapshot.files,
    };
    await commitVersion(ctx, temp, row, at, event, null, String(version), before);
    return { id, version, count: snapshot.meta.count, title: spec.title, summary: snapshot.meta.summary, timings: snapshot.timings };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Moves the folder into place, then records it; if recording fails, the folder goes again. */
async function commitVersion(
  ctx: PublishContext,
  temp: string,
  row: Omit<VersionRow, 'published_at'>,
  at: Date,
  event: AuditEvent,
  from: string | null,
  to: string,
  before?: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], at: Date) => Promise<void>,
): Promise<void> {
  const final = versionDir(ctx.dir, row.publication_id, row.version);
  if (existsSync(final))
    throw new PublicationError(409, reason('publication_version_exists', { id: row.publication_id, version: row.version }));
  renameSync(temp, final);
  try {
    await ctx.db.transaction(async (tx) => {
      if (before) await before(tx, at);
      await insertVersion(tx, row, at);
      await appendAudit(
        tx,
        [
          {
            entity: 'publication',
            entity_id: row.publication_id,
            actor: row.published_by,
            event,
            from,
            to,
            reason: null,
            details: {
              version: row.version,
              enterprises: row.enterprise_count,
              filter: row.spec.filter,
              fields: row.spec.fields,
              draw: row.spec.draw,
              frame_ancestors: row.spec.frameAncestors,
            },
          },
        ],
        at,
      );
    });
  } catch (error) {
    rmSync(final, { recursive: true, force: true });
    throw error;
  }
}

function tempDir(root: string, id: string): string {
  const dir = join(root, id, `.tmp-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function fileEntry(path: string): FileEntry {
  const bytes = readFileSync(path);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
