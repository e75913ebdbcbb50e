/**
 * `npm run bench [-- screen import map]`: every benchmark (or the ones named), one after another in
 * its own process so that one's memory does not weigh on the next's peak RSS. Each prints its own
 * figures and targets; the README quotes them.
 */
import { spawnSync } from 'node:child_process';

const ALL = ['screen', 'import', 'map', 'embed', 'load', 'scale'] as const;
const named = process.argv.slice(2);
const unknown = named.filter((n) => !(ALL as readonly string[]).includes(n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}

let failed = 0;
for (const name of named.length ? named : ALL) {
  console.log(`\n=== bench:${name} ===`);
  const run = spawnSync('npm', ['run', '--silent', `bench:${name}`], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench:${name} failed with exit code ${run.status}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
