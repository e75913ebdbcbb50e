// The CLI runs from JavaScript that esbuild bundled out of server/cli (dist/cli/), not through
// tsx: compiling TypeScript at every start cost seconds of CPU before `--help` could answer. The
// bundle is rebuilt whenever a file it was built from is newer than it, so an edited checkout never
// runs stale code and `npm ci` stays the only set-up step. Heavy modules are split into chunks the
// commands import when they run, so `greenline --help` loads commander and little else.
//
// The worker threads' entries are built alongside (WORKERS): a worker started from TypeScript
// must register the loader and compile every module it imports, about two seconds of CPU each,
// paid by every screening, import and export that starts one (server/worker-thread.ts).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ENTRY = `${ROOT}server/cli/main.ts`;
const DIST = `${ROOT}dist/cli/`;
/** Which build is current, and the files it was made from: swapped whole by rename, never edited. */
const MANIFEST = `${DIST}manifest.json`;
/** A build older than this is deleted by a later one; a command started before then has long loaded its chunks. */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;
/** Worker threads' entry modules, relative to the checkout: built beside the CLI, from the same sources. */
const WORKERS = ['server/screening/screen-worker.ts', 'server/screening/zone-hits-worker.ts', 'server/import/readers/source-worker.ts'];

/** The bundle's entry as a URL to import, built first if missing or older than its sources. */
export async function cliEntry() {
  // A missing or stale build is rebuilt by the first command after an edit; commands started
  // together each build their own directory and the last manifest written wins.
  return pathToFileURL(freshBuild() ?? (await build())).href;
}

export function readManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The current build of a worker entry (an absolute path to its TypeScript source) when the build
 * is fresh, else null: the caller then runs the source through the TypeScript loader.
 */
export function builtWorker(source) {
  const manifest = readManifest();
  const built = manifest?.workers?.[relative(ROOT, source)];
  if (!built || staleInput(manifest) !== null) return null;
  return DIST + built;
}

/** The current build's entry file when every input is older than the build, else null. */
function freshBuild() {
  const manifest = readManifest();
  if (!manifest || staleInput(manifest) !== null) return null;
  return DIST + manifest.entry;
}

/** The first file the build was made from that changed since (or is gone, or the build itself is), else null. */
export function staleInput(manifest) {
  const entry = `dist/cli/${manifest.entry}`;
  for (const file of [...manifest.inputs, entry]) {
    try {
      const changed = statSync(ROOT + file).mtimeMs;
      if (file !== entry && changed > manifest.builtAt) return file;
    } catch {
      return file;
    }
  }
  return null;
}

/**
 * Source files find their data, workers and migrations with `new URL(path, import.meta.url)`. In
 * a bundle that URL would be the chunk's, so each is rewritten to the source file's own location,
 * relative to the build directory: the checkout can still be moved whole.
 */
function sourceImportMetaUrl(buildDir) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      // JavaScript too: server/worker-thread.ts imports this file, which finds the checkout by it.
      build.onLoad({ filter: /\.[tj]s$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromBuild = relative(buildDir, args.path);
        return {
          contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBuild)}, import.meta.url).href`),
          loader: args.path.endsWith('.ts') ? 'ts' : 'js',
        };
      });
    },
  };
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  // Taken before reading any source, so a file saved during the build makes the next start rebuild.
  const builtAt = Date.now();
  const name = `build-${builtAt}-${process.pid}`;
  const buildDir = `${DIST}${name}`;
  const result = await esbuild({
    entryPoints: { greenline: ENTRY, ...Object.fromEntries(WORKERS.map((w) => [basename(w, '.ts'), ROOT + w])) },
    absWorkingDir: ROOT,
    outdir: buildDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
    plugins: [sourceImportMetaUrl(buildDir)],
  });
  // Paths in the metafile are relative to absWorkingDir, the checkout.
  const inputs = Object.keys(result.metafile.inputs);
  const workers = Object.fromEntries(WORKERS.map((w) => [w, `${name}/${basename(w, '.ts')}.js`]));
  const manifest = { builtAt, entry: `${name}/greenline.js`, workers, inputs: [...inputs, 'bin/cli-bundle.js', 'package-lock.json'] };
  // Concurrent first runs each build their own directory; the last rename wins, all are complete.
  const staged = `${MANIFEST}.${process.pid}`;
  writeFileSync(staged, JSON.stringify(manifest));
  renameSync(staged, MANIFEST);
  removeOldBuilds(name);
  return `${buildDir}/greenline.js`;
}

function removeOldBuilds(current) {
  mkdirSync(DIST, { recursive: true });
  for (const dir of readdirNames(DIST)) {
    const born = Number(/^build-(\d+)-/.exec(dir)?.[1]);
    if (dir !== current && born && Date.now() - born > KEEP_OLD_BUILDS_MS) rmSync(DIST + dir, { recursive: true, force: true });
  }
}

function readdirNames(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// `node bin/cli-bundle.js` builds now (npm's prepare step), whatever the sources' times.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(dirname(MANIFEST), { recursive: true });
  console.log(`greenline CLI built: ${relative(ROOT, await build())}`);
}
