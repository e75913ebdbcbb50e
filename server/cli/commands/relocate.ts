/**
 * greenline relocate suggest: where an enterprise that must relocate or withdraw could go (the
 * parks ranked, with reasons), or every such enterprise's qualifying parks as CSV (--all).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { SiteReason, SiteSuggestions, SiteVerdict } from '../../domain/relocation/site.ts';
import { csvText } from '../../export/csv-text.ts';
import { userPath } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { integerOption, isoDateOption, numberOption } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

interface SuggestOptions {
  all?: boolean;
  out?: string;
  within?: string;
  asOf?: string;
  limit?: string;
}

const CSV_HEADER = [
  'enterprise_id',
  'rank',
  'park_id',
  'name',
  'name_en',
  'region_code',
  'lon',
  'lat',
  'distance_km',
  'same_prefecture',
  'same_province',
  'sector_fit',
  'land_free_ha',
  'moving_rules',
  'clears',
] as const;

const ruleIds = (reasons: readonly SiteReason[], kind: SiteReason['kind']) =>
  reasons
    .filter((r) => r.kind === kind)
    .map((r) => r.rule_id)
    .join(';');

export function suggestionRows(all: readonly SiteSuggestions[]): unknown[][] {
  return all.flatMap((s) =>
    s.sites
      .filter((v) => v.qualifies)
      .map((v) => [
        s.enterprise_id,
        v.rank,
        v.site.park_id,
        v.site.name,
        v.site.name_en,
        v.site.region_code,
        v.site.lon,
        v.site.lat,
        v.distance_km,
        v.same_prefecture,
        v.same_province,
        v.sector_fit,
        v.land_free_ha,
        s.moving_rules.map((r) => r.rule_id).join(';'),
        ruleIds(v.reasons, 'clears'),
      ]),
  );
}

function why(v: SiteVerdict): string {
  const against = v.reasons.filter((r) => r.kind !== 'clears');
  const list = (against.length > 0 ? against : v.reasons).map((r) =>
    r.rule_id ? `${r.kind} ${r.rule_id}${r.zone_name ? ` (${r.zone_name})` : ''}` : r.kind,
  );
  return list.join('; ');
}

export function suggestionText(s: SiteSuggestions, others = 5): string[] {
  const good = s.sites.filter((v) => v.qualifies);
  const bad = s.sites.filter((v) => !v.qualifies);
  const row = (v: SiteVerdict) =>
    `  ${String(v.rank ?? '-').padStart(3)}  ${(v.site.park_id ?? `${v.site.lon},${v.site.lat}`).padEnd(30)} ${v.distance_km.toFixed(1).padStart(7)} km  ${(v.site.region_code ?? '-').padEnd(6)}  ${v.sector_fit.padEnd(10)} ${String(v.land_free_ha ?? '-').padStart(6)} ha  ${why(v)}`;
  return [
    `${s.enterprise_id} at ${s.origin.lon}, ${s.origin.lat} (${s.origin.region_code ?? 'no region'}) must move as of ${s.as_of}: ${s.moving_rules.map((r) => `${r.rule_id} (${r.action})`).join(', ')}`,
    good.length > 0 ? `${good.length} qualifying site${good.length === 1 ? '' : 's'}:` : 'no qualifying site',
    ...good.map(row),
    ...(bad.length > 0 ? [`${bad.length} that do not qualify, nearest first${bad.length > others ? ` (first ${others})` : ''}:`] : []),
    ...bad.slice(0, others).map(row),
  ];
}

export function relocateCommand(program: Command, globals: () => GlobalOptions) {
  const relocate = program.command('relocate').description('relocation sites for enterprises that must relocate or withdraw');
  relocate
    .command('suggest [enterprise]')
    .description(
      "rank the industrial parks an enterprise could move to, with reasons; --all writes every moving enterprise's qualifying parks as CSV",
    )
    .option('--all', 'every enterprise with a relocate or withdraw flag (needs --out)')
    .option('--out <file>', 'CSV file for --all')
    .option('--within <km>', 'only sites at most this many km away')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD), default today')
    .option('--limit <n>', 'at most this many qualifying sites')
    .action(async (enterprise: string | undefined, opts: SuggestOptions) => {
      const { db: path, json } = globals();
      const out = new Output(json);
      try {
        const withinKm = opts.within === undefined ? undefined : numberOption('--within', opts.within, 0, 5000);
        const asOf = opts.asOf === undefined ? undefined : isoDateOption('--as-of', opts.asOf);
        const limit = opts.limit === undefined ? undefined : integerOption('--limit', opts.limit, 1, 10_000);
        const given = { ...(withinKm !== undefined ? { withinKm } : {}), ...(asOf ? { asOf } : {}) };
        if (opts.all) {
          if (enterprise !== undefined) throw new Error(`give an enterprise id or --all, not both (got "${enterprise}")`);
          if (!opts.out) throw new Error('--all needs --out FILE.csv');
          const file = opts.out;
          const { suggestAll } = await import('../../relocation/suggest.ts');
          const result = await withDatabase(path, (db) => suggestAll(db, given));
          const rows = suggestionRows(result.suggestions);
          await writeFile(userPath(file), csvText(CSV_HEADER, rows));
          const without = result.suggestions.filter((s) => s.sites.length === 0).length;
          out.done({ as_of: result.as_of, enterprises: result.enterprises, without_site: without, rows: rows.length, out: file }, [
            `${result.enterprises} enterprises must move as of ${result.as_of}; ${result.enterprises - without} have a qualifying park, ${without} have none`,
            `wrote ${rows.length} rows to ${file}`,
          ]);
          return;
        }
        if (enterprise === undefined) throw new Error('give an enterprise id, or --all --out FILE.csv');
        const { suggestSites } = await import('../../relocation/suggest.ts');
        const result = await withDatabase(path, (db) => suggestSites(db, enterprise, { ...given, ...(limit ? { limit } : {}) }));
        out.done(result, suggestionText(result));
      } catch (error) {
        out.fail(error);
      }
    });
}
