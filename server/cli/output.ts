/**
 * CLI output contract (design.md): human text by default, exactly one JSON object with --json,
 * exit 0 on success and non-zero with a one-line reason on failure.
 */
import { formatProblem, ImportFailedError } from '../import/problems.ts';
import { type CliIo, cliIo } from './cli-io.ts';

export interface GlobalOptions {
  db: string;
  json: boolean;
}

export class Output {
  constructor(private readonly json: boolean) {}

  /** Prints the result of a successful command. */
  done(result: object, human: string | string[]): void {
    if (this.json) cliIo().stdout(`${JSON.stringify(result)}\n`);
    else cliIo().stdout(`${([] as string[]).concat(human).join('\n')}\n`);
  }

  /** Progress and notes go to stderr so that --json stdout stays one object. */
  note(line: string): void {
    if (!this.json) cliIo().stderr(`${line}\n`);
  }

  fail(error: unknown): never {
    // Typed, so that the compiler knows io.exit never returns.
    const io: CliIo = cliIo();
    if (error instanceof ImportFailedError) {
      const { report } = error;
      if (this.json) {
        io.stdout(`${JSON.stringify(reportJson(report))}\n`);
      } else {
        for (const p of report.errors) io.stderr(`  error: ${formatProblem(report.file, p)}\n`);
        for (const p of report.warnings) io.stderr(`  warning: ${formatProblem(report.file, p)}\n`);
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`greenline: ${humanReason(message).split('\n')[0]}\n`);
    io.exit(1);
  }
}

export function reportJson(report: { imported: number; skipped: number; updated: number; errors: unknown[]; warnings: unknown[] }) {
  return { imported: report.imported, updated: report.updated, skipped: report.skipped, errors: report.errors, warnings: report.warnings };
}

/**
 * DuckDB's own wording where a person needs another: another process (not a Greenline server
 * this command could go through, see main.ts) holds the database file.
 */
export function humanReason(message: string): string {
  const lock = /Could not set lock on file "([^"]+)".*?PID (\d+)/s.exec(message);
  if (lock) {
    return `the database ${lock[1]} is open in another process (PID ${lock[2]}); stop it, or run this command as the user that runs it so it can go through the running server`;
  }
  return message;
}
