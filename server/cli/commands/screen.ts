import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ACTIONS } from '../../domain/actions.ts';
import { cliIo, userPath } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { isoDateOption } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

export function screenCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command('screen')
    .description('run the rule set over all enterprises; prints counts by action')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD), default today')
    .action(async (opts: { asOf?: string }) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const asOf = opts.asOf === undefined ? undefined : isoDateOption('--as-of', opts.asOf);
        const { runScreening } = await import('../../screening/run-screening.ts');
        const s = await withDatabase(path, (db) => runScreening(db, asOf ? { asOf } : {}));
        const width = Math.max(...ACTIONS.map((a) => a.length));
        out.done(s, [
          `screened ${s.enterprises} enterprises as of ${s.asOf} with rule set v${s.ruleSetVersion} in ${s.seconds.toFixed(2)} s`,
          `${s.flags} flags on ${s.flaggedEnterprises} enterprises, ${s.notes} notes`,
          ...ACTIONS.filter((a) => s.byAction[a] > 0).map((a) => `  ${a.padEnd(width)}  ${s.byAction[a]}`),
        ]);
      } catch (error) {
        out.fail(error);
      }
    });

  const rules = program.command('rules').description('rule sets: load a new version, show the one in force');
  rules
    .command('load <file>')
    .description('validate a rule set (JSON or YAML), store it as the next version and re-screen')
    .action(async (file: string) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const text = readFileSync(userPath(file), 'utf8');
        const { storeRuleSet } = await import('../../db/rule-set-store.ts');
        const { runScreening } = await import('../../screening/run-screening.ts');
        const result = await withDatabase(path, async (db) => {
          const stored = await db.transaction((tx) => storeRuleSet(tx, text, file, cliIo().user));
          const screening = await runScreening(db, { recomputeZones: true });
          return { version: stored.version, name: stored.name, rules: stored.ruleSet.rules.length, screening };
        });
        out.done(result, [
          `loaded ${result.name} as rule set v${result.version} (${result.rules} rules)`,
          `re-screened: ${result.screening.flags} flags on ${result.screening.flaggedEnterprises} enterprises`,
        ]);
      } catch (error) {
        out.fail(error);
      }
    });
  rules
    .command('show')
    .description('print the rule set in force')
    .action(async () => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const { activeRuleSet } = await import('../../db/rule-set-store.ts');
        const stored = await withDatabase(path, (db) => activeRuleSet(db));
        out.done({ ...stored.ruleSet, ruleSetVersion: stored.version }, [
          `rule set v${stored.version}: ${stored.name}`,
          ...stored.ruleSet.rules.map((r) => `  ${r.id.padEnd(36)} ${r.jurisdiction} ${r.policy.padEnd(4)} ${r.then.action}`),
        ]);
      } catch (error) {
        out.fail(error);
      }
    });
}
