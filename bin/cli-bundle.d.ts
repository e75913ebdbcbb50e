// Types for cli-bundle.js, which stays JavaScript: it must run before anything can compile TypeScript.
export interface CliManifest {
  /** When the build started, in ms since the epoch: a source newer than this makes it stale. */
  builtAt: number;
  /** The entry file, relative to dist/cli/. */
  entry: string;
  /** Each worker entry's source, relative to the checkout, and its build, relative to dist/cli/. */
  workers?: Record<string, string>;
  /** The files it was built from, relative to the checkout. */
  inputs: string[];
}
export function cliEntry(): Promise<string>;
export function readManifest(): CliManifest | null;
export function builtWorker(source: string): string | null;
export function staleInput(manifest: CliManifest): string | null;
