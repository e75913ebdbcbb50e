/**
 * CLI output contract (design.md): human text by default, exactly one JSON object with --json,
 * exit 0 on success and non-zero with a one-line reason on failure.
 */
import { formatProblem, ImportFailedError } from '../import/problems.ts';

export interface GlobalOptions {
  db: string;
  json: boolean;
}

export class Output {
  constructor(private readonly json: boolean) {}

  /** Prints the result of a successful command. */
  done(result: object, human: string | string[]): void {
    if (this.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else process.stdout.write(`${([] as string[]).concat(human).join('\n')}\n`);
  }

  /** Progress and notes go to stderr so that --json stdout stays one object. */
  note(line: string): void {
    if (!this.json) process.stderr.write(`${line}\n`);
  }

  fail(error: unknown): never {
    if (error instanceof ImportFailedError) {
      const { report } = error;
      if (this.json) {
        process.stdout.write(`${JSON.stringify(reportJson(report))}\n`);
      } else {
        for (const p of report.errors) process.stderr.write(`  error: ${formatProblem(report.file, p)}\n`);
        for (const p of report.warnings) process.stderr.write(`  warning: ${formatProblem(report.file, p)}\n`);
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`greenline: ${message.split('\n')[0]}\n`);
    process.exit(1);
  }
}

export function reportJson(report: { imported: number; skipped: number; updated: number; errors: unknown[]; warnings: unknown[] }) {
  return { imported: report.imported, updated: report.updated, skipped: report.skipped, errors: report.errors, warnings: report.warnings };
}
