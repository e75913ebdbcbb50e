/** `greenline user …`, `greenline export ledger`, `greenline ledger sync` and `greenline audit verify` in a child process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.ts';
import { LEDGER_COLUMNS } from '../../server/domain/ledger-row.ts';
import { SITE_COLUMNS } from '../../server/export/export-ledger.ts';
import { greenlineInProcess } from '../helpers/cli.ts';
import { enterprisesIn, flag, insertFlags } from '../helpers/ledger-fixtures.ts';
import { type TempDb, tempDemoDb } from '../helpers/temp-db.ts';

let temp: TempDb;
let baotou: string[];
const PASSWORD = 'Baotou-official-2024!';

beforeAll(async () => {
  temp = await tempDemoDb(300, 11, { screen: false });
  const db = await temp.open();
  baotou = await enterprisesIn(db, '150200', 2);
  const hohhot = await enterprisesIn(db, '150100', 1);
  await insertFlags(db, [
    flag(baotou[0] as string, 'reserveCore'),
    flag(baotou[1] as string, 'builtUpSteel'),
    flag(hohhot[0] as string, 'blastFurnace'),
  ]);
  db.close();
});
afterAll(() => temp.cleanup());

const run = (args: string[], input?: string) => greenlineInProcess(['--db', temp.path, ...args], input === undefined ? {} : { input });

describe('greenline user', () => {
  it('add reads the password from standard input and creates a scoped official', async () => {
    const r = await run(['--json', 'user', 'add', 'bt-official', '--role', 'official', '--region', '150200'], `${PASSWORD}\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'bt-official', role: 'official', region: '150200', disabled: false });
    const db = await Database.open(temp.path);
    const row = await db.one<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'bt-official'");
    db.close();
    expect(row?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row?.password_hash).not.toContain(PASSWORD);
  });

  // The rules behind these refusals are tested in server/auth/accounts.test.ts; here, that the
  // CLI reports them in one line and exits non-zero.
  it.each([
    [['user', 'add', 'someone', '--role', 'admin'], 'short', 'at least 10 characters'],
    [['user', 'add', 'someone', '--role', 'admin'], '', 'no password on standard input'],
    [['user', 'add', 'someone', '--role', 'admin', '--region', '150200'], PASSWORD, 'only viewer and official accounts take a region'],
  ])('%j refuses with a one-line reason', async (args, input, reason) => {
    const r = await run(args, input);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(reason);
  });

  it('list, token, tokens and revoke-token', async () => {
    const list = JSON.parse((await run(['--json', 'user', 'list'])).stdout) as { users: { username: string }[] };
    expect(list.users.map((u) => u.username)).toEqual(['bt-official']);
    const token = JSON.parse(
      (await run(['--json', 'user', 'token', 'bt-official', '--label', 'export script', '--expires-days', '30'])).stdout,
    ) as {
      id: number;
      token: string;
    };
    expect(token.token).toMatch(/^glt_/);
    const tokens = (await run(['user', 'tokens'])).stdout;
    expect(tokens).toContain('export script');
    expect(tokens).not.toContain(token.token);
    expect((await run(['user', 'revoke-token', String(token.id)])).code).toBe(0);
  });
});

describe('greenline ledger sync and export ledger', () => {
  it('sync creates the cases from the flags', async () => {
    const r = await run(['--json', 'ledger', 'sync']);
    expect(JSON.parse(r.stdout)).toEqual({ created: 3, unflagged: 0, reflagged: 0, updated: 0 });
  });

  it('exports XLSX in the ledger’s columns, with real dates', async () => {
    const out = join(temp.dir, 'ledger.xlsx');
    const r = await run(['--json', 'export', 'ledger', '--format', 'xlsx', '--out', out, '--region', '150200']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ exported: 2, format: 'xlsx', out });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('台账');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...LEDGER_COLUMNS, ...SITE_COLUMNS]);
    expect(sheet?.rowCount).toBe(3);
    const first = sheet?.getRow(2);
    expect(first?.getCell(1).value).toBe(1);
    expect(first?.getCell(4).value).toBe('包头市');
    expect(first?.getCell(7).value).toBe('退出');
    expect(first?.getCell(8).value).toEqual(new Date('2019-12-31T00:00:00Z'));
    expect(first?.getCell(10).value).toBe('已排查');
    expect(first?.getCell(11).value).toBe('否');
  });

  it('exports CSV with a byte-order mark and the same columns', async () => {
    const out = join(temp.dir, 'ledger.csv');
    expect((await run(['export', 'ledger', '--format', 'csv', '--out', out])).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe([...LEDGER_COLUMNS, ...SITE_COLUMNS].join(','));
    expect(lines).toHaveLength(4);
  });

  it('filters by relocation site as GET /api/cases does: none chosen yet, so none proposed', async () => {
    const exported = async (...filter: string[]) => {
      const r = await run(['--json', 'export', 'ledger', '--format', 'csv', '--out', join(temp.dir, 'site.csv'), ...filter]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { exported: number }).exported;
    };
    expect(await exported('--site', 'none')).toBe(3);
    expect(await exported('--site', 'proposed')).toBe(0);
    expect(await exported('--site', 'approved')).toBe(0);
    // Only relocate and withdraw cases can lack a qualifying site; the blast furnace is to upgrade.
    const far = await exported('--no-site-within', '0');
    expect(far).toBeGreaterThan(0);
    expect(far).toBeLessThan(3);
  });

  it('refuses a bad filter, naming it', async () => {
    const r = await run(['export', 'ledger', '--format', 'csv', '--out', join(temp.dir, 'x.csv'), '--status', 'done']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('--status must be one of');
    for (const [option, value] of [
      ['--site', 'maybe'],
      ['--no-site-within', 'far'],
    ] as const) {
      const bad = await run(['export', 'ledger', '--format', 'csv', '--out', join(temp.dir, 'x.csv'), option, value]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain(`${option} must be`);
    }
  });
});

describe('greenline audit verify and export audit', () => {
  it('reports an intact log, exports it, and fails naming the entry once one is altered', async () => {
    const ok = await run(['--json', 'audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).problems).toEqual([]);
    const csv = join(temp.dir, 'audit.csv');
    expect((await run(['export', 'audit', '--out', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('user_created');
    const db = await Database.open(temp.path);
    await db.run("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1 AND entity = 'case'");
    db.close();
    const bad = await run(['audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('audit log damaged');
    expect(bad.stderr).toContain('entry 1: content does not match its hash');
  });
});
