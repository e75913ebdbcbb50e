/**
 * `greenline …` (bin/greenline.js). A database is a file only one process may open for writing,
 * so when a Greenline server holds it the command goes through that server (forward.ts) — the
 * same command, output and exit code — and otherwise runs here.
 */
import { DEFAULT_DB } from '../locations.ts';
import { processIo } from './cli-io.ts';
import { canonicalDbPath } from './control-path.ts';
import { forwardToServer } from './forward.ts';
import { runCli } from './program.ts';

/** --db as commander will read it, before commander runs: the server to ask depends on it. */
function dbOption(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--db') return args[i + 1] ?? DEFAULT_DB;
    if (arg.startsWith('--db=')) return arg.slice('--db='.length);
  }
  return process.env.GREENLINE_DB ?? DEFAULT_DB;
}

const args = process.argv.slice(2);
const db = dbOption(args);
// The server reads the database it holds; the path is sent whole, not relative to this directory.
const others = args.filter((a, i) => a !== '--db' && args[i - 1] !== '--db' && !a.startsWith('--db='));
const forwarded = await forwardToServer(db, ['--db', canonicalDbPath(db), ...others]);
process.exitCode = forwarded ?? (await runCli(args, processIo));
