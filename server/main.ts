/**
 * `npm start`: builds the web app if it is missing or older than its sources, creates the demo
 * database if absent, and serves app and API on http://localhost:8080 (PORT overrides).
 */

import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { DEFAULT_DEMO } from '../data/demo/generate-enterprises.ts';
import { listenForCommands } from './cli/control-socket.ts';
import { loadConfig } from './config.ts';
import { Database } from './db/database.ts';
import { listUsers } from './db/user-store.ts';
import { buildDemoDatabase } from './demo/build-demo-database.ts';
import { createApp, publicEdge } from './http/app.ts';
import { frozenFileLane, withLane } from './http/embed/frozen-file-lane.ts';
import { MapFactsHolder, warmMapFacts } from './http/map-facts-holder.ts';
import { cleanUploads, uploadDir } from './http/upload-store.ts';
import { defaultPublicationsDir } from './locations.ts';
import { cleanLeftovers } from './publish/publications.ts';
import { catchUpScreening, ScreeningStatus } from './screening/catch-up.ts';
import { ensureWebBuilt } from './web-build.ts';

const config = loadConfig();
const started = performance.now();
await ensureWebBuilt(config.webDir ?? 'dist/web');
const db = config.readOnly ? await openReplica(config.dbPath) : await openWriter(config.dbPath);
// The command line cannot open the file while this process holds it; it sends its commands here.
// A replica holds it read-only, so the command line opens it itself (and refuses to, while it is read).
const commands = config.readOnly ? null : await listenForCommands(db, config.dbPath);
const screening = new ScreeningStatus();
const mapFacts = new MapFactsHolder(db, config.mapServerAbove);
const deps = { db, config, screening, mapFacts };
const edge = publicEdge(deps);
const app = createApp(deps, edge);
// Tile requests of public maps are answered before Hono when all they need is in memory.
const lane = frozenFileLane({ ...edge, limiter: edge.embedLimiter, secureCookies: config.secureCookies ?? false });
const server = serve({ fetch: app.fetch, port: config.port, createServer: withLane(lane) }, (info) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[greenline] serving http://localhost:${info.port} (ready in ${seconds} s; database ${config.dbPath})`);
  // Anything committed but not screened (a crash between an import and its screening) is screened
  // now, in the background; /api/health says "pending" until it is. A replica serves what its
  // writer screened.
  warmMapFacts(mapFacts)
    .then(
      (seconds) => seconds !== null && console.log(`[greenline] the map's facts for the server-side map built in ${seconds.toFixed(1)} s`),
    )
    .catch((error) => console.error("[greenline] building the map's facts failed:", error));
  if (config.readOnly) {
    screening.state = 'current';
    screening.reason = null;
  } else catchUpScreening(db, screening).catch((error) => console.error('[greenline] screening catch-up failed:', error));
});

const shutdown = () => {
  commands?.close();
  server.close();
  db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/** The database this server writes: the demo built if absent, leftovers of a crash cleaned. */
async function openWriter(path: string): Promise<Database> {
  if (!existsSync(path)) {
    console.log(`[greenline] no database at ${path}; building the demo (${DEFAULT_DEMO.enterprises} enterprises)…`);
    const summary = await buildDemoDatabase(path, DEFAULT_DEMO);
    console.log(`[greenline] demo built in ${summary.seconds.toFixed(1)} s`);
  }
  const db = await Database.open(path);
  // A publish interrupted by a crash leaves a folder the database never recorded; it goes now.
  // Uploads an earlier run left (expired, or cut off by a crash) go too.
  const uploads = await cleanUploads(uploadDir(path));
  if (uploads.length) console.log(`[greenline] removed ${uploads.length} leftover upload(s)`);
  const leftovers = await cleanLeftovers(db, config.publicationsDir ?? defaultPublicationsDir(path));
  if (leftovers.length) console.log(`[greenline] removed ${leftovers.length} unfinished publication folder(s): ${leftovers.join(', ')}`);
  if ((await listUsers(db)).length === 0) {
    // There is no default account; say how to make the first one rather than leave /ledger a dead end.
    console.log(
      '[greenline] no accounts yet; the ledger at /ledger needs one: npx greenline user add NAME --role admin (password on stdin; works while this server runs)',
    );
  }
  return db;
}

/** A read replica: the file must exist and be current; nothing in or beside it is changed. */
async function openReplica(path: string): Promise<Database> {
  if (!existsSync(path))
    throw new Error(`GREENLINE_READ_ONLY is set but there is no database at ${path}; a replica serves a file the writer made`);
  const db = await Database.openReadOnly(path);
  console.log(`[greenline] read-only replica of ${path}: reads are answered, changes refused`);
  return db;
}
