/**
 * Where a CLI command reads and writes: its output, a password, the environment, the working
 * directory, the operating-system user and the database. Standalone, all of them are this
 * process's own and the database file is opened for the command. When a server holds the database,
 * the command runs inside that server (control-socket.ts) with an io that streams back to the
 * calling terminal and lends the server's open database; the commands read all of it through
 * `cliIo()` and cannot tell the difference.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { Database } from '../db/database.ts';
import { readPasswordFromProcess } from './read-password.ts';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (progress bars) rather than a log. */
  readonly stderrIsTTY: boolean;
  /** A password: the first line of piped input, or typed without echo at a terminal. */
  readSecret(prompt: string): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** The operating-system user who ran the command, the actor of what it audits. */
  readonly user: string;
  /** Runs `work` on the database at `path`: opened and closed around it, or the server's own. */
  withDatabase<T>(path: string, work: (db: Database) => Promise<T>): Promise<T>;
  /** Set when a server holds the database: commands that need the file to themselves refuse. */
  readonly server: { dbPath: string } | null;
  /** Ends the command with an exit code: the process's own exit standalone, a CliExit where the process must live on. */
  exit(code: number): never;
}

/** How a command ends in a server (or a test), where `process.exit` would end the server instead. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const osUser = () => {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
};

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get stderrIsTTY() {
    return Boolean(process.stderr.isTTY);
  },
  readSecret: readPasswordFromProcess,
  env: process.env,
  get cwd() {
    return process.cwd();
  },
  get user() {
    return osUser();
  },
  async withDatabase(path, work) {
    // Loaded here, not at the top: DuckDB's binding is the heaviest thing `greenline --help` would load.
    const { Database } = await import('../db/database.ts');
    const db = await Database.open(path);
    try {
      return await work(db);
    } finally {
      db.close();
    }
  },
  server: null,
  exit: (code) => process.exit(code),
};

/** `exit` for an io whose process must outlive the command: runCli turns the CliExit into the code. */
export function endCommand(code: number): never {
  throw new CliExit(code);
}

const current = new AsyncLocalStorage<CliIo>();

export function cliIo(): CliIo {
  return current.getStore() ?? processIo;
}

export function runWithIo<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  return current.run(io, work);
}

/** A path the user typed, from the directory they typed it in. */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(cliIo().cwd, path);
}

/** The audit actor of a command: `cli:` and the operating-system user. */
export function cliActor(): string {
  return `cli:${cliIo().user}`;
}
