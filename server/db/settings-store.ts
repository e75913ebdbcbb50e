/**
 * Settings a database's owner changes with `greenline settings set`: kept in the meta table with
 * the database, so they travel with it. public-map: whether anonymous readers may use the planner
 * map and its API (on in the demo database, off in any other).
 */
import type { Queryable } from './database.ts';
import { getMeta, setMeta } from './meta-store.ts';

export const SETTINGS = { 'public-map': ['on', 'off'] } as const;
export type SettingName = keyof typeof SETTINGS;

const META_KEY: Record<SettingName, string> = { 'public-map': 'setting.public_map' };
const DEFAULTS: Record<SettingName, string> = { 'public-map': 'off' };

export async function getSetting(q: Queryable, name: SettingName): Promise<string> {
  return (await getMeta(q, META_KEY[name])) ?? DEFAULTS[name];
}

export async function setSetting(q: Queryable, name: SettingName, value: string): Promise<void> {
  const allowed = SETTINGS[name] as readonly string[];
  if (!allowed.includes(value)) throw new Error(`settings: ${name} takes ${allowed.join(' or ')}, got "${value}"`);
  await setMeta(q, META_KEY[name], value);
}

export async function publicMapOpen(q: Queryable): Promise<boolean> {
  return (await getSetting(q, 'public-map')) === 'on';
}
