/**
 * node --import tsx bench/lib/map-facts-probe.ts DB: what building the server-side map's facts
 * costs the server on a database (README, "The map at national scale"): the seconds to build them
 * and to load the latest year's indicators, each with the event loop's longest stop while it runs
 * (the lateness of a 50 ms timer: how long every other request would have waited), then facet
 * counts with an indicator range, new and held while other facets change.
 */
import { Database } from '../../server/db/database.ts';
import { MapFacts } from '../../server/db/map-facts.ts';
import { compileFilter, EMPTY_FILTER, type FilterState } from '../../server/domain/map-filter.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: map-facts-probe.ts DB');
const db = await Database.openReadOnly(path);

let worst = 0;
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  worst = Math.max(worst, now - last - 50);
  last = now;
}, 50);

async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  worst = 0;
  const started = performance.now();
  const value = await work();
  console.log(`${name}: ${((performance.now() - started) / 1000).toFixed(1)} s; the event loop's longest stop ${Math.round(worst)} ms`);
  return value;
}

const facts = await timed('build the facts', () => MapFacts.build(db));
const year = facts.latestYear;
if (year !== null) await timed(`load the indicators of ${year}`, () => facts.indicators(year));
clearInterval(timer);

const context = { prefectureOrder: facts.prefectureOrder, ruleIds: facts.rules.rules.map((r) => r.rule_id) };
const ranged: [string, FilterState][] = [
  ['energy change ≤ −18%', { ...EMPTY_FILTER, ranges: { energy_change: [null, -18] } }],
  ['the same, relocate or close', { ...EMPTY_FILTER, actions: ['relocate', 'close'], ranges: { energy_change: [null, -18] } }],
  ['the same, built-up areas', { ...EMPTY_FILTER, zones: ['built_up'], ranges: { energy_change: [null, -18] } }],
  ['water change ≤ −23%, relocate or close', { ...EMPTY_FILTER, actions: ['relocate', 'close'], ranges: { water_change: [null, -23] } }],
];
for (const [name, filter] of ranged) {
  const started = performance.now();
  await facts.facets(compileFilter(filter, context), year);
  console.log(`facet counts, ${name}: ${Math.round(performance.now() - started)} ms`);
}
facts.close();
db.close();
