/**
 * `greenline publish …`: publications from the command line, as the planner map's Publish dialog
 * makes them (design.md): create, list, rename, republish, withdraw and export as a static folder.
 * Every change is audited with the operating-system user as the actor.
 */
import type { Command } from 'commander';
import type { Database } from '../../db/database.ts';
import { DEFAULT_PUBLIC_FIELDS, parsePublicFields } from '../../domain/publish/public-fields.ts';
import { ZONE_KINDS } from '../../domain/zone.ts';
import { defaultPublicationsDir, parsePublicUrl } from '../../locations.ts';
import type { PublishContext } from '../../publish/publications.ts';
import { cliActor, cliIo, userPath } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { numberOption, oneOf } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

const actor = cliActor;

interface CreateOptions {
  title: string;
  titleEn?: string;
  description?: string;
  descriptionEn?: string;
  filter: string;
  fields?: string;
  draw?: string;
  zones?: string;
  view?: string;
  bounds?: string;
  minZoom?: string;
  maxZoom?: string;
  frameAncestors?: string;
  reviewNumber?: string;
  source?: string;
  baseUrl?: string;
}

const numbers = (name: string, text: string, count: number) => {
  const parts = text.split(',').map((v) => numberOption(name, v.trim(), -180, 180));
  if (parts.length !== count) throw new Error(`${name} takes ${count} comma-separated numbers, got "${text}"`);
  return parts;
};

function baseUrl(option: string | undefined): string {
  if (option) return parsePublicUrl(option, '--base-url');
  const { env } = cliIo();
  if (env.GREENLINE_PUBLIC_URL) return parsePublicUrl(env.GREENLINE_PUBLIC_URL, 'GREENLINE_PUBLIC_URL');
  return `http://localhost:${env.PORT ?? 8080}`;
}

/** The publishing machinery (snapshots, PMTiles, the web build), loaded when a publish command runs. */
async function publishing() {
  const [publications, snippet, store, staticExport, web, mapFilter] = await Promise.all([
    import('../../publish/publications.ts'),
    import('../../publish/embed-snippet.ts'),
    import('../../db/publication-store.ts'),
    import('../../publish/export-static.ts'),
    import('../../web-build.ts'),
    import('../../http/map-filter.ts'),
  ]);
  return { ...publications, ...snippet, ...store, ...staticExport, ...web, ...mapFilter };
}
type Publishing = Awaited<ReturnType<typeof publishing>>;

export function publishCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program
    .command('publish')
    .description('publish read-only maps for the public (embeds), list, rename, republish, withdraw, export');
  const publicationsDir = (dbPath: string) => cliIo().env.GREENLINE_PUBLICATIONS_DIR ?? defaultPublicationsDir(userPath(dbPath));
  const run = (work: (out: Output, db: Database, context: PublishContext, p: Publishing) => Promise<void>) => async () => {
    const { db: dbPath, json } = globals();
    const out = new Output(json);
    try {
      const p = await publishing();
      await withDatabase(dbPath, async (db) => {
        const dir = publicationsDir(dbPath);
        await p.cleanLeftovers(db, dir);
        await work(out, db, { db, dir, resolveFilter: p.filterFromQueryString }, p);
      });
    } catch (error) {
      out.fail(error);
    }
  };

  cmd
    .command('create')
    .description('publish the enterprises a planner-map filter selects, as a frozen, versioned embed')
    .requiredOption('--title <text>', 'title in Chinese (or the only title)')
    .option('--title-en <text>', 'title in English')
    .option('--description <text>', 'description in Chinese')
    .option('--description-en <text>', 'description in English')
    .option('--filter <query>', "the planner map's filter query string, e.g. action=withdraw&region=150200", '')
    .option('--fields <list>', `public fields (default ${DEFAULT_PUBLIC_FIELDS.join(',')}; credit_code and location only when listed)`)
    .option(
      '--draw <mode>',
      'points (needs the location field) or prefecture (counts per prefecture); default points when location is listed',
    )
    .option('--zones <kinds>', `zone layers to show: ${ZONE_KINDS.join(',')}`)
    .option('--view <lon,lat,zoom>', 'where the map opens (default: fitted to the data)')
    .option('--bounds <w,s,e,n>', 'how far a visitor may move (default: the data with a margin)')
    .option('--min-zoom <z>', 'lowest zoom a visitor may reach', '2')
    .option('--max-zoom <z>', 'highest zoom a visitor may reach', '16')
    .option('--frame-ancestors <origins>', 'comma-separated sites allowed to frame the embed (default: any)')
    .option('--review-number <text>', 'map review number (审图号)')
    .option('--source <text>', "the basemap's source line")
    .option('--base-url <url>', 'where the public reaches this server (default GREENLINE_PUBLIC_URL, else http://localhost:PORT)')
    .action((opts: CreateOptions) =>
      run(async (out, _db, context, p) => {
        const fields = opts.fields === undefined ? [...DEFAULT_PUBLIC_FIELDS] : parsePublicFields(opts.fields);
        const draw =
          opts.draw === undefined
            ? fields.includes('location')
              ? 'points'
              : 'prefecture'
            : oneOf('--draw', opts.draw, ['points', 'prefecture'] as const);
        const view = opts.view ? numbers('--view', opts.view, 3) : null;
        // Its zod schema is loaded when a publication is made, not to describe the command.
        const { describeSpecProblems, PublicationSpec } = await import('../../domain/publish/publication-spec.ts');
        const parsed = PublicationSpec.safeParse({
          title: { zh: opts.title, en: opts.titleEn ?? '' },
          description: { zh: opts.description ?? '', en: opts.descriptionEn ?? '' },
          view: view ? { center: [view[0], view[1]], zoom: view[2] } : null,
          bounds: opts.bounds ? numbers('--bounds', opts.bounds, 4) : null,
          minZoom: numberOption('--min-zoom', opts.minZoom ?? '2', 0, 20),
          maxZoom: numberOption('--max-zoom', opts.maxZoom ?? '16', 0, 20),
          zones: opts.zones ? opts.zones.split(',').map((k) => oneOf('--zones', k.trim(), ZONE_KINDS)) : [],
          filter: opts.filter,
          draw,
          fields,
          frameAncestors: opts.frameAncestors
            ? opts.frameAncestors
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
          reviewNumber: opts.reviewNumber ?? '',
          sourceLine: opts.source ?? '',
        });
        if (!parsed.success) throw new Error(describeSpecProblems(parsed.error));
        const base = baseUrl(opts.baseUrl);
        const published = await p.createPublication(context, parsed.data, actor());
        const result = p.describePublished(base, published);
        out.done(result, [
          `published "${parsed.data.title.zh}" as ${result.id} v${result.version}: ${result.count} enterprises`,
          `  ${result.url}`,
          '',
          result.snippet,
        ]);
      })(),
    );

  cmd
    .command('list')
    .description('every publication, live or withdrawn')
    .option('--base-url <url>', 'where the public reaches this server')
    .action((opts: { baseUrl?: string }) =>
      run(async (out, db, _context, p) => {
        const base = baseUrl(opts.baseUrl);
        const items = (await p.listPublications(db)).map((p) => ({
          id: p.id,
          status: p.status,
          version: p.latest_version,
          title: p.title,
          enterprises: p.enterprise_count,
          published_at: p.published_at,
          url: `${base}/embed/${p.id}`,
        }));
        out.done(
          { publications: items },
          items.length
            ? items.map(
                (p) => `${p.id}  ${p.status.padEnd(9)}  v${p.version}  ${String(p.enterprises).padStart(8)}  ${p.title.zh}  ${p.url}`,
              )
            : 'no publications yet: greenline publish create --title …',
        );
      })(),
    );

  cmd
    .command('rename <id>')
    .description('new titles over the same frozen data (a new version)')
    .requiredOption('--title <text>', 'title in Chinese')
    .option('--title-en <text>', 'title in English')
    .option('--base-url <url>', 'where the public reaches this server')
    .action((id: string, opts: { title: string; titleEn?: string; baseUrl?: string }) =>
      run(async (out, _db, context, p) => {
        const result = p.describePublished(
          baseUrl(opts.baseUrl),
          await p.rename(context, id, { zh: opts.title, en: opts.titleEn ?? '' }, actor()),
        );
        out.done(result, `renamed ${id}: version ${result.version} is "${opts.title}"`);
      })(),
    );

  cmd
    .command('republish <id>')
    .description("the same choices over today's data, as a new version")
    .option('--base-url <url>', 'where the public reaches this server')
    .action((id: string, opts: { baseUrl?: string }) =>
      run(async (out, _db, context, p) => {
        const result = p.describePublished(baseUrl(opts.baseUrl), await p.republish(context, id, actor()));
        out.done(result, `republished ${id} as version ${result.version}: ${result.count} enterprises`);
      })(),
    );

  cmd
    .command('withdraw <id>')
    .description('withdraw a publication: its embeds answer 410 Gone')
    .action((id: string) =>
      run(async (out, db, _context, p) => {
        await p.withdraw(db, id, actor());
        out.done({ id, status: 'withdrawn' }, `withdrew ${id}`);
      })(),
    );

  cmd
    .command('export <id>')
    .description('write the latest version as a folder for any static web server (DIR/index.html is the embed)')
    .requiredOption('--out <dir>', 'a new or empty folder')
    .action((id: string, opts: { out: string }) =>
      run(async (out, db, context, p) => {
        await p.ensureWebBuilt('dist/web');
        const result = await p.exportStatic(db, context.dir, 'dist/web', id, userPath(opts.out));
        out.done(
          result,
          `exported ${id} v${result.version} to ${result.dir} (${result.files} files); serve it with range requests, index.html is the map`,
        );
      })(),
    );
}
