/**
 * `greenline ledger sync`: brings the cases in step with the flags table, as every screening run
 * does at its end; for flags loaded by other means, or to re-check after a restore.
 */
import type { Command } from 'commander';
import { type GlobalOptions, Output } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function ledgerCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('ledger').description("the officials' ledger of cases");
  cmd
    .command('sync')
    .description('create cases for new flags and mark cases whose flag is gone as no longer flagged (never deletes)')
    .action(async () => {
      const { db, json } = globals();
      const out = new Output(json);
      try {
        const { syncCasesFromFlags } = await import('../../ledger/sync-cases-from-flags.ts');
        const summary = await withDatabase(db, (d) => d.transaction((tx) => syncCasesFromFlags(tx, null)));
        out.done(
          summary,
          `cases: ${summary.created} created, ${summary.unflagged} no longer flagged, ${summary.reflagged} flagged again, ${summary.updated} updated`,
        );
      } catch (error) {
        out.fail(error);
      }
    });
}
