/**
 * Failed logins and the addresses accounts have logged in from, for the login limiter
 * (server/http/auth/login-limiter.ts). Times are passed in by the caller, so the limiter's clock
 * — a fake one in tests — is the only clock.
 */
import type { Queryable } from './database.ts';
import { sqlTimestamp } from './timestamps.ts';

/** Failures counted within each limit's window; times are epoch milliseconds. */
export interface LoginFailureCounts {
  /** This account from this address. */
  pair: { count: number; first: number | null };
  /** Any account from this address. */
  address: { count: number; first: number | null };
  /** This account from any address. */
  account: { count: number; last: number | null };
  /** Whether the account logged in from this address since `knownSince`. */
  known: boolean;
}

/** Where each count starts: failures at or before these instants are not counted. */
export interface CountWindows {
  pairSince: Date;
  addressSince: Date;
  accountSince: Date;
  knownSince: Date;
}

export async function recordLoginFailure(q: Queryable, account: string, address: string, at: Date): Promise<void> {
  await q.run('INSERT INTO login_failures (account, address, failed_at) VALUES ($account, $address, CAST($at AS TIMESTAMP))', {
    account,
    address,
    at: sqlTimestamp(at),
  });
}

export async function countLoginFailures(q: Queryable, account: string, address: string, since: CountWindows): Promise<LoginFailureCounts> {
  const pair = 'account = $account AND address = $address AND failed_at > CAST($pairSince AS TIMESTAMP)';
  const byAddress = 'address = $address AND failed_at > CAST($addressSince AS TIMESTAMP)';
  const byAccount = 'account = $account AND failed_at > CAST($accountSince AS TIMESTAMP)';
  const row = await q.one<{
    pair_count: number;
    pair_first: number | null;
    address_count: number;
    address_first: number | null;
    account_count: number;
    account_last: number | null;
    known: boolean;
  }>(
    `SELECT count(*) FILTER (WHERE ${pair}) AS pair_count,
       epoch_ms(min(failed_at) FILTER (WHERE ${pair})) AS pair_first,
       count(*) FILTER (WHERE ${byAddress}) AS address_count,
       epoch_ms(min(failed_at) FILTER (WHERE ${byAddress})) AS address_first,
       count(*) FILTER (WHERE ${byAccount}) AS account_count,
       epoch_ms(max(failed_at) FILTER (WHERE ${byAccount})) AS account_last,
       EXISTS (SELECT 1 FROM login_known_addresses
               WHERE account = $account AND address = $address AND last_success_at > CAST($knownSince AS TIMESTAMP)) AS known
     FROM login_failures WHERE account = $account OR address = $address`,
    {
      account,
      address,
      pairSince: sqlTimestamp(since.pairSince),
      addressSince: sqlTimestamp(since.addressSince),
      accountSince: sqlTimestamp(since.accountSince),
      knownSince: sqlTimestamp(since.knownSince),
    },
  );
  if (!row) throw new Error(`counting login failures of "${account}" from ${address} returned no row`);
  return {
    pair: { count: row.pair_count, first: row.pair_first },
    address: { count: row.address_count, first: row.address_first },
    account: { count: row.account_count, last: row.account_last },
    known: row.known,
  };
}

/** Forgets the failures of one account from one address (after it logged in from there). */
export async function clearLoginFailures(q: Queryable, account: string, address: string): Promise<void> {
  await q.run('DELETE FROM login_failures WHERE account = $account AND address = $address', { account, address });
}

export async function rememberLoginAddress(q: Queryable, account: string, address: string, at: Date): Promise<void> {
  await q.run(
    `INSERT INTO login_known_addresses (account, address, last_success_at) VALUES ($account, $address, CAST($at AS TIMESTAMP))
     ON CONFLICT (account, address) DO UPDATE SET last_success_at = excluded.last_success_at`,
    { account, address, at: sqlTimestamp(at) },
  );
}

/** Deletes failures and known addresses no window reaches any more. */
export async function pruneLoginFailures(q: Queryable, failedBefore: Date, knownBefore: Date): Promise<void> {
  await q.run('DELETE FROM login_failures WHERE failed_at <= CAST($before AS TIMESTAMP)', { before: sqlTimestamp(failedBefore) });
  await q.run('DELETE FROM login_known_addresses WHERE last_success_at <= CAST($before AS TIMESTAMP)', {
    before: sqlTimestamp(knownBefore),
  });
}

/** How many failures are stored, for tests and operators checking that pruning keeps up. */
export async function storedLoginFailures(q: Queryable): Promise<number> {
  return (await q.one<{ n: number }>('SELECT count(*) AS n FROM login_failures'))?.n ?? 0;
}
