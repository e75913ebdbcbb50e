/**
 * A demo database with ledger cases in Baotou (150200) and Hohhot (150100), accounts of every
 * role, and an app built on it with a temporary evidence directory. Each test file builds its own.
 */
import { join } from 'node:path';
import type { Database } from '../../server/db/database.ts';
import type { Role } from '../../server/domain/roles.ts';
import { createApp } from '../../server/http/app.ts';
import { account, enterprisesIn, flag, screen, sessionOf } from './ledger-fixtures.ts';
import { TEST_CONFIG, type TempDb, tempDemoDb } from './temp-db.ts';

export const PRINCIPALS = {
  viewer: { role: 'viewer', region: null },
  planner: { role: 'planner', region: null },
  official: { role: 'official', region: null },
  admin: { role: 'admin', region: null },
  'viewer@baotou': { role: 'viewer', region: '150200' },
  'official@baotou': { role: 'official', region: '150200' },
} as const satisfies Record<string, { role: Role; region: string | null }>;
export type PrincipalName = keyof typeof PRINCIPALS;

export interface LedgerApp {
  temp: TempDb;
  db: Database;
  app: ReturnType<typeof createApp>;
  evidenceDir: string;
  baotou: string[];
  hohhot: string[];
  userIds: Record<PrincipalName, number>;
  /** A fresh session of the named account. */
  session(name: PrincipalName): Promise<{ cookie: string; csrf: string }>;
  /** Case ids of an enterprise. */
  casesOf(enterpriseId: string): Promise<number[]>;
  close(): void;
}

export const EVIDENCE_LIMIT = 64 * 1024;

export async function ledgerApp(): Promise<LedgerApp> {
  const temp = await tempDemoDb(400, 7, { screen: false });
  const db = await temp.open();
  const evidenceDir = join(temp.dir, 'evidence');
  const app = createApp({ db, config: { ...TEST_CONFIG, evidenceDir, evidenceMaxBytes: EVIDENCE_LIMIT } });
  const baotou = await enterprisesIn(db, '150200', 6);
  const hohhot = await enterprisesIn(db, '150100', 3);
  await screen(db, [
    flag(baotou[0] as string, 'reserveCore'),
    flag(baotou[0] as string, 'reserveExperimental'),
    flag(baotou[1] as string, 'builtUpSteel'),
    flag(baotou[2] as string, 'blastFurnace'),
    flag(baotou[3] as string, 'reserveCore'),
    flag(baotou[4] as string, 'builtUpSteel'),
    flag(baotou[5] as string, 'greenFactory'),
    flag(hohhot[0] as string, 'reserveCore'),
    flag(hohhot[1] as string, 'builtUpSteel'),
    flag(hohhot[2] as string, 'blastFurnace'),
  ]);
  const userIds = {} as Record<PrincipalName, number>;
  for (const [name, p] of Object.entries(PRINCIPALS) as [PrincipalName, { role: Role; region: string | null }][]) {
    userIds[name] = (await account(db, name.replace('@', '-at-'), p.role, p.region)).id;
  }
  return {
    temp,
    db,
    app,
    evidenceDir,
    baotou,
    hohhot,
    userIds,
    session: (name) => sessionOf(db, userIds[name]),
    casesOf: async (id) =>
      (await db.all<{ id: number }>('SELECT id FROM cases WHERE enterprise_id = $id ORDER BY id', { id })).map((r) => r.id),
    close: () => {
      db.close();
      temp.cleanup();
    },
  };
}

export interface CallOptions {
  session?: { cookie: string; csrf: string } | null;
  token?: string;
  body?: unknown;
  /** Leave out the CSRF header even on a write. */
  noCsrf?: boolean;
  headers?: Record<string, string>;
}

export async function call(app: LedgerApp['app'], method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.session) {
    headers.cookie = options.session.cookie;
    if (!options.noCsrf && method !== 'GET') headers['x-csrf-token'] = options.session.csrf;
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await app.request(path, { method, headers, body });
  const type = res.headers.get('content-type') ?? '';
  const json = type.includes('application/json') ? ((await res.json()) as Record<string, unknown>) : null;
  return { status: res.status, json, res };
}
