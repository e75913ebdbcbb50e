/**
 * Tells the operator about failed logins. Every failure gets one server-log line (console.warn)
 * with the username, the address and the counts, for a log watcher such as fail2ban; a failure
 * that engages a limit gets one more line per limit. The password never appears.
 *
 * The audit log gets entries only for usernames that name an account (enabled or disabled):
 * `login_failed` for each failure, `locked_out` when a limit engages. Failures of made-up
 * usernames are logged but not audited: the audit log is append-only and never pruned, so entries
 * keyed by names an attacker chooses would let anyone grow it without bound (and would start the
 * chain of an account later created under that name with someone else's history). For a real
 * account the limiter bounds the entries: about 100 a day from addresses it has not logged in
 * from, and 5 per 15 minutes from each address it has. Attempts refused with 429 are neither
 * logged nor audited: they cost nothing, and arrive as fast as anyone cares to send them.
 */
import { appendAudit } from '../../db/audit-store.ts';
import type { Database } from '../../db/database.ts';
import { findUser } from '../../db/user-store.ts';
import type { AuditInput } from '../../domain/audit.ts';
import type { Attempt, LockScope } from './login-limiter.ts';

export interface FailedLogin {
  username: string;
  address: string;
  attempt: Attempt;
}

const WHY: Record<LockScope, (f: Attempt['failures']) => string> = {
  pair: (f) => `${f.pair} failures of this username from this address`,
  address: (f) => `${f.address} failures from this address, any username`,
  account: (f) => `${f.account} failures of this username from any address; addresses it has not logged in from now back off`,
};

/**
 * Logs and audits failed logins. Audit entries of one account are appended one at a time: two at
 * once would both chain after the same entry, and one would fail the chain's uniqueness check.
 */
export function loginFailureReporter(db: Database): (failure: FailedLogin, at?: Date) => Promise<void> {
  let queue: Promise<unknown> = Promise.resolve();
  return (failure, at = new Date()) => {
    const run = queue.then(() => report(db, failure, at));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function report(db: Database, { username, address, attempt }: FailedLogin, at: Date): Promise<void> {
  const user = await findUser(db, username);
  const { failures, retryAfter } = attempt;
  const who = `username ${JSON.stringify(username)}${user ? '' : ' (no such account)'} from ${JSON.stringify(address)}`;
  console.warn(
    `login failed: ${who}; failures: ${failures.pair} as this username from this address, ${failures.address} from this address, ` +
      `${failures.account} as this username from anywhere; next attempt allowed in ${retryAfter} s`,
  );
  for (const { scope, retryAfter: wait } of attempt.locks) {
    console.warn(`login locked out (${scope}): ${who}; wait ${wait} s: ${WHY[scope](failures)}`);
  }
  if (!user) return;
  const entry = (event: AuditInput['event'], reason: string | null, details: Record<string, unknown>): AuditInput => ({
    entity: 'user',
    entity_id: user.username,
    actor: 'anonymous',
    event,
    from: null,
    to: null,
    reason,
    details: { address, ...details },
  });
  const entries = [
    entry('login_failed', null, { failures, retry_after_s: retryAfter }),
    ...attempt.locks.map(({ scope, retryAfter: wait }) =>
      entry('locked_out', WHY[scope](failures), { scope, failures: failures[scope], retry_after_s: wait }),
    ),
  ];
  await db.transaction((tx) => appendAudit(tx, entries, at));
}
