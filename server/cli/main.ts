/**
 * The greenline command line (design.md). Every command takes --db PATH (default
 * data/greenline.duckdb, env GREENLINE_DB) and --json.
 */
import { Command } from 'commander';
import { DEFAULT_DB } from '../config.ts';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { ledgerCommand } from './commands/ledger.ts';
import { publishCommand } from './commands/publish.ts';
import { screenCommand } from './commands/screen.ts';
import { settingsCommand } from './commands/settings.ts';
import { userCommand } from './commands/user.ts';
import type { GlobalOptions } from './output.ts';

export function buildProgram(): Command {
  const program = new Command('greenline')
    .description('Greenline: industrial enterprises screened against green-development policy')
    .option('--db <path>', 'database file', process.env.GREENLINE_DB ?? DEFAULT_DB)
    .option('--json', 'print one JSON object instead of text', false)
    .enablePositionalOptions(false)
    .showHelpAfterError();
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
  program.exitOverride((err) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) process.exit(0);
    process.exit(err.exitCode || 1);
  });
  return program;
}

await buildProgram().parseAsync(process.argv);
