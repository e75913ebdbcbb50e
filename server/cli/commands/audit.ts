/** `greenline audit verify`: recomputes the audit log's hash chains and names any broken link. */
import type { Command } from 'commander';
import { cliIo } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { withDatabase } from '../with-database.ts';

export function auditCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('audit').description('the audit log');
  cmd
    .command('verify')
    .description('check that no audit entry was altered or removed')
    .action(async () => {
      const { db, json } = globals();
      const out = new Output(json);
      try {
        const { verifyAuditChain } = await import('../../db/audit-store.ts');
        const report = await withDatabase(db, verifyAuditChain);
        if (report.problems.length) {
          const first = report.problems[0];
          const io = cliIo();
          if (json) io.stdout(`${JSON.stringify(report)}\n`);
          else for (const p of report.problems) io.stderr(`  ${p.entity} ${p.entity_id} entry ${p.seq}: ${p.message}\n`);
          throw new Error(
            `audit log damaged: ${report.problems.length} problem(s), first at ${first?.entity} ${first?.entity_id} entry ${first?.seq}: ${first?.message}`,
          );
        }
        out.done(report, `audit log intact: ${report.entries} entries in ${report.chains} chains`);
      } catch (error) {
        out.fail(error);
      }
    });
}
