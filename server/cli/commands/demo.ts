import type { Command } from 'commander';
import { DEFAULT_DEMO, defaultExtent, MAX_DEMO_ENTERPRISES, MAX_NORTH_ENTERPRISES } from '../../../data/demo/generate-enterprises.ts';
import { DEMO_EXTENTS } from '../../../data/demo/geography.ts';
import { cliIo, userPath } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { integerOption, oneOf } from '../parse.ts';

export function demoCommand(program: Command, globals: () => GlobalOptions) {
  program
    .command('demo')
    .description('(re)build the demo database: regions, zones and generated enterprises')
    .option('--enterprises <n>', `number of enterprises, up to ${MAX_DEMO_ENTERPRISES}`, String(DEFAULT_DEMO.enterprises))
    .option('--seed <s>', 'seed for the generator; the same seed gives the same data', String(DEFAULT_DEMO.seed))
    .option(
      '--extent <extent>',
      `north: Inner Mongolia and Hebei (up to ${MAX_NORTH_ENTERPRISES}); china: the whole country; default north up to ${MAX_NORTH_ENTERPRISES} enterprises, china above`,
    )
    .action(async (opts: { enterprises: string; seed: string; extent?: string }) => {
      const { db, json } = globals();
      const out = new Output(json);
      try {
        const { server } = cliIo();
        if (server) throw new Error(`demo rebuilds the database file the running server holds (${server.dbPath}); stop the server first`);
        const enterprises = integerOption('--enterprises', opts.enterprises, 0, MAX_DEMO_ENTERPRISES);
        const seed = integerOption('--seed', opts.seed, 0, 2 ** 32 - 1);
        const extent = opts.extent === undefined ? defaultExtent(enterprises) : oneOf('--extent', opts.extent, DEMO_EXTENTS);
        const { buildDemoDatabase } = await import('../../demo/build-demo-database.ts');
        let lastShown = 0;
        const summary = await buildDemoDatabase(userPath(db), {
          enterprises,
          seed,
          extent,
          onProgress: (done, total) => {
            if (done - lastShown >= 100_000 || done === total) {
              lastShown = done;
              out.note(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} enterprises`);
            }
          },
        });
        out.done(summary, [
          `built ${summary.path} (${summary.extent === 'china' ? 'the whole country' : 'Inner Mongolia and Hebei'}) in ${summary.seconds.toFixed(1)} s`,
          `  ${summary.enterprises} enterprises, ${summary.indicators} indicator rows, ${summary.equipment} equipment, ${summary.compliance} compliance results`,
          `  ${summary.zones} zones, ${summary.regions} regions; screened: ${summary.flags} flags`,
        ]);
      } catch (error) {
        out.fail(error);
      }
    });
}
