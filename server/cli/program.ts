/**
 * The greenline command line (design.md). Every command takes --db PATH (default
 * data/greenline.duckdb, env GREENLINE_DB) and --json. It runs in its own process (main.ts), or
 * inside the server that holds the database (control-socket.ts), through the io given.
 */
import { Command, CommanderError } from 'commander';
import { DEFAULT_DB } from '../locations.ts';
import { CliExit, type CliIo, processIo, runWithIo } from './cli-io.ts';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { ledgerCommand } from './commands/ledger.ts';
import { publishCommand } from './commands/publish.ts';
import { relocateCommand } from './commands/relocate.ts';
import { screenCommand } from './commands/screen.ts';
import { settingsCommand } from './commands/settings.ts';
import { userCommand } from './commands/user.ts';
import type { GlobalOptions } from './output.ts';

export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('greenline')
    .description('Greenline: industrial enterprises screened against green-development policy')
    .option('--db <path>', 'database file', io.env.GREENLINE_DB ?? DEFAULT_DB)
    .option('--json', 'print one JSON object instead of text', false)
    .enablePositionalOptions(false)
    .showHelpAfterError()
    // Set before the subcommands are added, which copy them: help and errors go where the io says,
    // and ending never exits a server.
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .exitOverride((err) => {
      const code = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : err.exitCode || 1;
      io.exit(code);
    });
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  demoCommand(program, globals);
  importCommand(program, globals);
  exportCommand(program, globals);
  screenCommand(program, globals);
  userCommand(program, globals);
  ledgerCommand(program, globals);
  auditCommand(program, globals);
  publishCommand(program, globals);
  settingsCommand(program, globals);
  relocateCommand(program, globals);
  return program;
}

/** Runs one command line (without "node greenline") and gives its exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  return runWithIo(io, async () => {
    try {
      await buildProgram(io).parseAsync([...args], { from: 'user' });
      return 0;
    } catch (error) {
      if (error instanceof CliExit) return error.code;
      if (error instanceof CommanderError) return error.exitCode || 1;
      throw error;
    }
  });
}
