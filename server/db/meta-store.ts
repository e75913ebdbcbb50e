/** Small key/value facts about the database, such as the data version that screening records. */
import type { Queryable } from './database.ts';

export async function getMeta(q: Queryable, key: string): Promise<string | undefined> {
  return (await q.one<{ value: string }>('SELECT value FROM meta WHERE key = $key', { key }))?.value;
}

export async function setMeta(q: Queryable, key: string, value: string): Promise<void> {
  await q.run('INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)', { key, value });
}

/** Bumped by every write to enterprises, zones or their records; screening results cite it. */
export async function bumpDataVersion(q: Queryable): Promise<number> {
  const next = Number((await getMeta(q, 'data_version')) ?? '0') + 1;
  await setMeta(q, 'data_version', String(next));
  return next;
}
