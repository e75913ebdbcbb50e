/**
 * Slows password guessing: after 5 failed logins for one username from one address within 15
 * minutes, that pair must wait until the window ends; after 50 failures from one address (any
 * usernames), the address waits. A successful login clears its pair. Counts live in memory: one
 * server process serves one database (DuckDB locks the file), so there is no other process to share with.
 */

export interface LimiterOptions {
  perUser: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LIMITS: LimiterOptions = { perUser: 5, perAddress: 50, windowMs: 15 * 60_000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: LimiterOptions = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfter(username: string, address: string): number {
    const t = this.now();
    const wait = (key: string, limit: number) => {
      const recent = this.recent(key, t);
      return recent.length >= limit ? Math.ceil(((recent[0] as number) + this.options.windowMs - t) / 1000) : 0;
    };
    return Math.max(wait(userKey(username, address), this.options.perUser), wait(addressKey(address), this.options.perAddress));
  }

  failed(username: string, address: string): void {
    const t = this.now();
    for (const key of [userKey(username, address), addressKey(address)]) this.failures.set(key, [...this.recent(key, t), t]);
    if (this.failures.size > 100_000) this.prune(t);
  }

  succeeded(username: string, address: string): void {
    this.failures.delete(userKey(username, address));
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > t - this.options.windowMs);
  }

  /** Forgets windows that have ended, so a flood of made-up usernames cannot grow the map forever. */
  private prune(t: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((at) => at <= t - this.options.windowMs)) this.failures.delete(key);
    }
  }
}

// Usernames are matched case-insensitively so that "Admin" and "admin" share a budget.
const userKey = (username: string, address: string) => `u\u0000${username.toLowerCase()}\u0000${address}`;
const addressKey = (address: string) => `a\u0000${address}`;
