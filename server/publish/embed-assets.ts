/**
 * The built files of the embed's two entries (the map and the table view), found through Vite's
 * manifest: each entry's script, every stylesheet it and its imports pull in, and every file a
 * static export must copy. Read once per web build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageAssets } from './pages/embed-page.ts';

interface ManifestEntry {
  file: string;
  imports?: string[];
  /** Chunks the entry loads later (the embed's MapLibre map), fetched early all the same. */
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

export interface EmbedAssets {
  embed: PageAssets;
  table: PageAssets;
  /** Every file under the web build both entries need, relative to it (assets/…). */
  files: string[];
}

export const EMBED_ENTRIES = { embed: 'src/embed/embed.ts', table: 'src/embed/table.ts' } as const;

/** `prefix` is what the page puts before each file: '/' on the server, './' in a static export. */
export function readEmbedAssets(webDir: string, prefix: string): EmbedAssets {
  const path = join(webDir, '.vite', 'manifest.json');
  let manifest: Record<string, ManifestEntry>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`the embed is not built (${path}: ${(error as Error).message}); run npm run build`);
  }
  const files = new Set<string>();
  const entry = (key: string): PageAssets => {
    const root = manifest[key];
    if (!root) throw new Error(`${path} has no entry ${key}; run npm run build`);
    const css: string[] = [];
    const seen = new Set<string>();
    const walk = (k: string) => {
      const e = manifest[k];
      if (!e || seen.has(k)) return;
      seen.add(k);
      files.add(e.file);
      for (const c of e.css ?? []) {
        if (!css.includes(c)) css.push(c);
        files.add(c);
      }
      for (const a of e.assets ?? []) files.add(a);
      for (const i of [...(e.imports ?? []), ...(e.dynamicImports ?? [])]) walk(i);
    };
    walk(key);
    const preload = [...seen].filter((k) => k !== key).map((k) => prefix + (manifest[k] as ManifestEntry).file);
    return { js: prefix + root.file, css: css.map((c) => prefix + c), preload };
  };
  return { embed: entry(EMBED_ENTRIES.embed), table: entry(EMBED_ENTRIES.table), files: [...files] };
}
