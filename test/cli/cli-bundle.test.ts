/**
 * The CLI runs from an esbuild bundle (bin/cli-bundle.js): it must answer `--help` without
 * loading the heavy packages (DuckDB, ExcelJS, the import readers), and must never run stale code
 * after a source file changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtWorker, cliEntry, readManifest, staleInput } from '../../bin/cli-bundle.js';
import { greenline } from '../helpers/cli.ts';

/** Packages a command may load when it runs, never to describe itself. */
const HEAVY = ['@duckdb/node-api', 'exceljs', '@hono/zod-openapi', 'pinyin-pro', 'pmtiles', 'shapefile', '@xmldom/xmldom', 'proj4'];

/** Every file the entry loads before running anything: its static imports, followed through the chunks. */
function staticallyLoaded(entry: string): { chunks: string[]; packages: Set<string> } {
  const dir = dirname(entry);
  const chunks: string[] = [];
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.includes(file)) return;
    chunks.push(file);
    // Static imports only: `import(…)` is what the commands do when they run.
    for (const [, from] of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
      if (!from) continue;
      if (from.startsWith('./')) visit(join(dir, from));
      else packages.add(from);
    }
  };
  visit(entry);
  return { chunks, packages };
}

describe('the CLI bundle', () => {
  it('answers --help having loaded commander but none of the heavy packages', async () => {
    const help = await greenline(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: greenline');
    const entry = new URL(await cliEntry()).pathname;
    const { packages } = staticallyLoaded(entry);
    expect(packages.has('commander')).toBe(true);
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });

  it('lists the sources it was built from, and calls itself stale when one is newer', async () => {
    await cliEntry();
    const manifest = readManifest();
    if (!manifest) throw new Error('no CLI build after cliEntry()');
    expect(manifest.inputs).toContain('server/cli/main.ts');
    expect(manifest.inputs).toContain('server/cli/commands/export.ts');
    expect(staleInput(manifest)).toBeNull();
    expect(staleInput({ ...manifest, builtAt: 0 })).toBe(manifest.inputs[0]);
    expect(staleInput({ ...manifest, inputs: [...manifest.inputs, 'server/cli/gone.ts'] })).toBe('server/cli/gone.ts');
    expect(staleInput({ ...manifest, entry: 'build-0-0/greenline.js' })).toBe('dist/cli/build-0-0/greenline.js');
  });

  it("builds the worker threads' entries too, which a worker then starts from instead of compiling TypeScript", async () => {
    await cliEntry();
    const root = new URL('../../', import.meta.url).pathname;
    for (const entry of [
      'server/screening/screen-worker.ts',
      'server/screening/zone-hits-worker.ts',
      'server/import/readers/source-worker.ts',
    ]) {
      const built = builtWorker(root + entry);
      expect(built, entry).toMatch(/dist\/cli\/build-[^/]+\/[a-z-]+-worker\.js$/);
      expect(existsSync(built as string)).toBe(true);
    }
    expect(builtWorker(`${root}server/screening/run-screening.ts`)).toBeNull();
  });
});
