/**
 * Slows password guessing with three limits, checked before any password is hashed:
 *
 * - pair: 5 failures of one username from one address within 15 minutes, then that pair waits
 *   until the oldest of them leaves the window. A login from the address clears the pair.
 * - address: 50 failures from one address (any usernames) within 15 minutes, then the address
 *   waits. This stops one address spraying guesses across many accounts.
 * - account: 10 failures of one username from anywhere within 24 hours, then each further
 *   failure doubles the wait from 30 s, up to 15 minutes after the latest failure. This caps
 *   guessing at one account from many addresses (a botnet, or every IPv6 address of a /64) to
 *   about 100 guesses a day, however many addresses take part.
 *
 * Why not a hard account lockout: whoever knows a username could then keep its owner out for ever
 * by failing a few times an hour. So the account limit is back-off, not lockout, and it does not
 * apply to addresses the account has logged in from within 30 days: its owner, at a desk or
 * behind an office gateway they have used before, only meets the pair and address limits, which
 * an attacker elsewhere cannot spend. What remains: while someone keeps attacking an account, its
 * owner at a new address races them for one attempt per 15 minutes (a device cookie would close
 * that); and people sharing an address with an attacker share its address limit.
 *
 * Unknown usernames are counted exactly like real ones, so timing and answers do not reveal
 * which accounts exist. Counts live in DuckDB (server/db/login-failure-store.ts) and survive a
 * restart. An attempt is counted as a failure when admitted, before its password is checked, and
 * admissions run one at a time: parallel requests cannot all slip through while the first of them
 * is still hashing. A correct password then clears the pair, and with it that attempt.
 */
import type { Queryable } from '../../db/database.ts';
import {
  clearLoginFailures,
  countLoginFailures,
  type LoginFailureCounts,
  pruneLoginFailures,
  recordLoginFailure,
  rememberLoginAddress,
} from '../../db/login-failure-store.ts';

export interface LimiterOptions {
  perPair: number;
  perAddress: number;
  /** Window of the pair and address limits. */
  windowMs: number;
  /** Failures of one account from any address before back-off starts for addresses it has not logged in from. */
  perAccount: number;
  accountWindowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a successful login exempts its address from the account back-off. */
  knownAddressMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_LIMITS: LimiterOptions = {
  perPair: 5,
  perAddress: 50,
  windowMs: 15 * MINUTE,
  perAccount: 10,
  accountWindowMs: 24 * 60 * MINUTE,
  backoffBaseMs: 30_000,
  backoffMaxMs: 15 * MINUTE,
  knownAddressMs: 30 * 24 * 60 * MINUTE,
};

export type LockScope = 'pair' | 'address' | 'account';

/** An attempt let through; if its password is wrong, this is what its failure amounts to. */
export interface Attempt {
  /** Failures in each limit's window, this attempt included. */
  failures: Record<LockScope, number>;
  /**
   * Limits this failure engages for the first time in their window, with the seconds each then
   * makes its callers wait (for `account`: callers at addresses the account has not logged in from).
   */
  locks: { scope: LockScope; retryAfter: number }[];
  /** Seconds the same caller must then wait (0: none). */
  retryAfter: number;
}

export type Admission = { admitted: false; retryAfter: number } | { admitted: true; attempt: Attempt };

/** Milliseconds from `now` each limit still makes the caller wait (0 when it allows an attempt). */
export function limitWaits(counts: LoginFailureCounts, now: number, o: LimiterOptions): Record<LockScope, number> {
  const until = (end: number) => Math.max(0, end - now);
  const { pair, address, account } = counts;
  let backoff = 0;
  if (!counts.known && account.count >= o.perAccount && account.last !== null) {
    backoff = until(account.last + Math.min(o.backoffMaxMs, o.backoffBaseMs * 2 ** (account.count - o.perAccount)));
  }
  return {
    pair: pair.count >= o.perPair && pair.first !== null ? until(pair.first + o.windowMs) : 0,
    address: address.count >= o.perAddress && address.first !== null ? until(address.first + o.windowMs) : 0,
    account: backoff,
  };
}

const seconds = (ms: number) => Math.ceil(ms / 1000);
const longest = (waits: Record<LockScope, number>) => seconds(Math.max(waits.pair, waits.address, waits.account));

// Usernames are matched case-insensitively so that "Admin" and "admin" share a budget.
const accountKey = (username: string) => username.toLowerCase();

export class LoginLimiter {
  private queue: Promise<unknown> = Promise.resolve();
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an attempt may go ahead now; if it may, it is already counted as a failure. */
  admit(q: Queryable, username: string, address: string): Promise<Admission> {
    const run = this.queue.then(() => this.admitNow(q, username, address));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The password was right: forget this address's failures for the account and remember the address. */
  async succeeded(q: Queryable, username: string, address: string): Promise<void> {
    await clearLoginFailures(q, accountKey(username), address);
    await rememberLoginAddress(q, accountKey(username), address, new Date(this.now()));
  }

  private async admitNow(q: Queryable, username: string, address: string): Promise<Admission> {
    const t = this.now();
    const o = this.options;
    await this.prune(q, t);
    const account = accountKey(username);
    const before = await countLoginFailures(q, account, address, {
      pairSince: new Date(t - o.windowMs),
      addressSince: new Date(t - o.windowMs),
      accountSince: new Date(t - o.accountWindowMs),
      knownSince: new Date(t - o.knownAddressMs),
    });
    const wait = longest(limitWaits(before, t, o));
    if (wait > 0) return { admitted: false, retryAfter: wait };
    await recordLoginFailure(q, account, address, new Date(t));
    const after: LoginFailureCounts = {
      pair: { count: before.pair.count + 1, first: before.pair.first ?? t },
      address: { count: before.address.count + 1, first: before.address.first ?? t },
      account: { count: before.account.count + 1, last: t },
      known: before.known,
    };
    const failures = { pair: after.pair.count, address: after.address.count, account: after.account.count };
    const limits: Record<LockScope, number> = { pair: o.perPair, address: o.perAddress, account: o.perAccount };
    const strangers = limitWaits({ ...after, known: false }, t, o);
    const locks = (['pair', 'address', 'account'] as const)
      .filter((scope) => failures[scope] === limits[scope])
      .map((scope) => ({ scope, retryAfter: seconds(strangers[scope]) }));
    return { admitted: true, attempt: { failures, locks, retryAfter: longest(limitWaits(after, t, o)) } };
  }

  /** At most once a minute, so a flood of made-up usernames cannot grow the table for ever. */
  private async prune(q: Queryable, t: number): Promise<void> {
    if (t - this.prunedAt < MINUTE) return;
    this.prunedAt = t;
    const o = this.options;
    await pruneLoginFailures(q, new Date(t - Math.max(o.windowMs, o.accountWindowMs)), new Date(t - o.knownAddressMs));
  }
}
