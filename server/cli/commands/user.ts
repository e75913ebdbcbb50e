/**
 * `greenline user …`: accounts are managed on the server's command line. Passwords are read from
 * standard input, never from arguments. Every change is audited with the operating-system user
 * who ran the command as the actor.
 */
import type { Command } from 'commander';
import { ROLES } from '../../domain/roles.ts';
import { cliActor } from '../cli-io.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { integerOption } from '../parse.ts';
import { readPassword } from '../read-password.ts';
import { withDatabase } from '../with-database.ts';

const actor = cliActor;

/** Accounts and their stores (argon2 among them), loaded when a user command runs. */
async function accounts() {
  const [auth, tokens, users] = await Promise.all([
    import('../../auth/accounts.ts'),
    import('../../db/api-token-store.ts'),
    import('../../db/user-store.ts'),
  ]);
  return { ...auth, ...tokens, ...users };
}
type Accounts = Awaited<ReturnType<typeof accounts>>;

export function userCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('user').description('manage accounts (roles: viewer, planner, official, admin)');
  const run = (work: (out: Output, dbPath: string, a: Accounts) => Promise<void>) => async () => {
    const { db, json } = globals();
    const out = new Output(json);
    try {
      await work(out, db, await accounts());
    } catch (error) {
      out.fail(error);
    }
  };

  cmd
    .command('add <name>')
    .description('create an account; the password is read from standard input')
    .requiredOption('--role <role>', ROLES.join('|'))
    .option('--region <code>', 'GB/T 2260 code a viewer or official is limited to')
    .action((name: string, opts: { role: string; region?: string }) =>
      run(async (out, dbPath, a) => {
        const password = await readPassword(`password for ${name}: `);
        const user = await withDatabase(dbPath, (db) =>
          a.addUser(db, { username: name, role: opts.role, region: opts.region ?? null, password }, actor()),
        );
        out.done(user, `created ${user.role} "${user.username}"${user.region ? ` limited to region ${user.region}` : ''}`);
      })(),
    );

  cmd
    .command('list')
    .description('list accounts')
    .action(
      run(async (out, dbPath, a) => {
        const users = await withDatabase(dbPath, a.listUsers);
        out.done(
          { users },
          users.length
            ? users.map((u) => `${u.username}\t${u.role}${u.region ? `\t${u.region}` : '\t-'}${u.disabled ? '\tdisabled' : ''}`)
            : 'no accounts yet: greenline user add NAME --role admin',
        );
      }),
    );

  cmd
    .command('passwd <name>')
    .description("set an account's password from standard input (ends its sessions)")
    .action((name: string) =>
      run(async (out, dbPath, a) => {
        const password = await readPassword(`new password for ${name}: `);
        await withDatabase(dbPath, (db) => a.changePassword(db, name, password, actor()));
        out.done({ username: name, password_changed: true }, `password of "${name}" changed; its sessions were ended`);
      })(),
    );

  cmd
    .command('role <name>')
    .description("change an account's role and region (ends its sessions)")
    .requiredOption('--role <role>', ROLES.join('|'))
    .option('--region <code>', 'GB/T 2260 code; omit for all regions')
    .action((name: string, opts: { role: string; region?: string }) =>
      run(async (out, dbPath, a) => {
        const user = await withDatabase(dbPath, (db) => a.changeRole(db, name, opts.role, opts.region ?? null, actor()));
        out.done(user, `"${name}" is now ${user.role}${user.region ? ` limited to region ${user.region}` : ''}`);
      })(),
    );

  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    cmd
      .command(`${verb} <name>`)
      .description(disabled ? 'stop an account from logging in (ends its sessions and tokens)' : 'let a disabled account log in again')
      .action((name: string) =>
        run(async (out, dbPath, a) => {
          await withDatabase(dbPath, (db) => a.setUserDisabled(db, name, disabled, actor()));
          out.done({ username: name, disabled }, `"${name}" ${disabled ? 'disabled' : 'enabled'}`);
        })(),
      );
  }

  cmd
    .command('token <name>')
    .description('create an API token for scripts (Authorization: Bearer …); it is printed once')
    .requiredOption('--label <label>', 'what the token is for')
    .option('--expires-days <n>', 'days until it expires (default: never)')
    .action((name: string, opts: { label: string; expiresDays?: string }) =>
      run(async (out, dbPath, a) => {
        const days = opts.expiresDays === undefined ? null : integerOption('--expires-days', opts.expiresDays, 1, 3650);
        const made = await withDatabase(dbPath, (db) => a.issueToken(db, name, opts.label, days, actor()));
        out.done(made, [
          made.token,
          `(token ${made.id} for "${name}"${made.expires_at ? `, expires ${made.expires_at}` : ''}; it is not shown again)`,
        ]);
      })(),
    );

  cmd
    .command('tokens')
    .description('list API tokens (never their secrets)')
    .action(
      run(async (out, dbPath, a) => {
        const tokens = await withDatabase(dbPath, (db) => a.listApiTokens(db));
        out.done(
          { tokens },
          tokens.length
            ? tokens.map((t) => `${t.id}\t${t.username}\t${t.label}\t${t.revoked_at ? 'revoked' : (t.expires_at ?? 'no expiry')}`)
            : 'no API tokens',
        );
      }),
    );

  cmd
    .command('revoke-token <id>')
    .description('revoke an API token')
    .action((id: string) =>
      run(async (out, dbPath, a) => {
        const tokenId = integerOption('token id', id, 1, 2 ** 31 - 1);
        await withDatabase(dbPath, (db) => a.revokeToken(db, tokenId, actor()));
        out.done({ revoked: tokenId }, `API token ${tokenId} revoked`);
      })(),
    );
}
