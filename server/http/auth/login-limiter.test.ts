import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../db/database.ts';
import { storedLoginFailures } from '../../db/login-failure-store.ts';
import { type Admission, type Attempt, DEFAULT_LIMITS, LoginLimiter, limitWaits } from './login-limiter.ts';

const MINUTE = 60_000;
const START = Date.parse('2024-05-01T08:00:00.000Z');

const opened: Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A limiter with the default limits on a fresh database, and a clock the test moves. */
async function setup() {
  const db = await Database.open(':memory:');
  opened.push(db);
  const clock = { t: START };
  const limiter = new LoginLimiter(DEFAULT_LIMITS, () => clock.t);
  return { db, clock, limiter };
}

function attempted(admission: Admission): Attempt {
  if (!admission.admitted) throw new Error(`expected the attempt to be admitted, it must wait ${admission.retryAfter} s`);
  return admission.attempt;
}

const waitOf = (admission: Admission) => (admission.admitted ? 0 : admission.retryAfter);

describe('LoginLimiter: one username from one address', () => {
  it('lets the pair fail 5 times, then names the wait until the first failure leaves the 15-minute window', async () => {
    const { db, clock, limiter } = await setup();
    for (let i = 0; i < 5; i++) {
      attempted(await limiter.admit(db, 'alice', '10.0.0.1'));
      clock.t += 1000;
    }
    expect(waitOf(await limiter.admit(db, 'alice', '10.0.0.1'))).toBe(15 * 60 - 5);
    clock.t = START + 15 * MINUTE + 1;
    expect((await limiter.admit(db, 'alice', '10.0.0.1')).admitted).toBe(true);
  });

  it('the failure that spends the budget reports the lock once, with its wait', async () => {
    const { db, limiter } = await setup();
    const attempts: Attempt[] = [];
    for (let i = 0; i < 5; i++) attempts.push(attempted(await limiter.admit(db, 'alice', '10.0.0.1')));
    expect(attempts.map((a) => a.locks)).toEqual([[], [], [], [], [{ scope: 'pair', retryAfter: 900 }]]);
    expect(attempts[4]).toMatchObject({ failures: { pair: 5, address: 5, account: 5 }, retryAfter: 900 });
  });

  it('username case does not buy a fresh budget: "ALICE" is "alice"', async () => {
    const { db, limiter } = await setup();
    for (let i = 0; i < 5; i++) attempted(await limiter.admit(db, i % 2 ? 'Alice' : 'alice', '10.0.0.1'));
    expect(waitOf(await limiter.admit(db, 'ALICE', '10.0.0.1'))).toBe(900);
  });

  it('a refused attempt is not counted: waiting it out is enough', async () => {
    const { db, clock, limiter } = await setup();
    for (let i = 0; i < 5; i++) attempted(await limiter.admit(db, 'alice', '10.0.0.1'));
    for (let i = 0; i < 20; i++) expect((await limiter.admit(db, 'alice', '10.0.0.1')).admitted).toBe(false);
    clock.t = START + 15 * MINUTE + 1;
    expect(attempted(await limiter.admit(db, 'alice', '10.0.0.1')).failures.pair).toBe(1);
  });

  it('a success clears that address’s failures for the account, and no other address’s', async () => {
    const { db, limiter } = await setup();
    for (let i = 0; i < 4; i++) attempted(await limiter.admit(db, 'bob', 'a'));
    for (let i = 0; i < 4; i++) attempted(await limiter.admit(db, 'bob', 'b'));
    attempted(await limiter.admit(db, 'bob', 'a'));
    await limiter.succeeded(db, 'bob', 'a');
    expect(attempted(await limiter.admit(db, 'bob', 'a')).failures.pair).toBe(1);
    expect(attempted(await limiter.admit(db, 'bob', 'b')).failures.pair).toBe(5);
    expect(waitOf(await limiter.admit(db, 'bob', 'b'))).toBe(900);
  });

  it('parallel attempts are admitted one at a time: of 8 sent at once, 5 go ahead', async () => {
    const { db, limiter } = await setup();
    const all = await Promise.all(Array.from({ length: 8 }, () => limiter.admit(db, 'alice', '10.0.0.1')));
    expect(all.filter((a) => a.admitted)).toHaveLength(5);
    expect(all.slice(5).map(waitOf)).toEqual([900, 900, 900]);
  });
});

describe('LoginLimiter: addresses', () => {
  it('a second address is not locked out by the first one’s failures', async () => {
    const { db, limiter } = await setup();
    for (let i = 0; i < 5; i++) attempted(await limiter.admit(db, 'alice', '10.0.0.1'));
    expect((await limiter.admit(db, 'alice', '10.0.0.1')).admitted).toBe(false);
    expect(attempted(await limiter.admit(db, 'alice', '10.0.0.2')).failures).toEqual({ pair: 1, address: 1, account: 6 });
  });

  it('one address trying many usernames waits once it spends the address budget of 50', async () => {
    const { db, limiter } = await setup();
    const attempts: Attempt[] = [];
    for (let i = 0; i < 50; i++) attempts.push(attempted(await limiter.admit(db, `user${i}`, '10.0.0.9')));
    expect(attempts[49]?.locks).toEqual([{ scope: 'address', retryAfter: 900 }]);
    expect(waitOf(await limiter.admit(db, 'someone-new', '10.0.0.9'))).toBe(900);
    expect((await limiter.admit(db, 'someone-new', '10.0.0.10')).admitted).toBe(true);
  });
});

describe('LoginLimiter: one account from many addresses', () => {
  it('after 10 failures the wait doubles from 30 s with each failure, up to 15 minutes', async () => {
    const { db, clock, limiter } = await setup();
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      const attempt = attempted(await limiter.admit(db, 'admin', `198.51.100.${i}`));
      waits.push(attempt.retryAfter);
      // The wait holds for every address that has not logged in as admin, not just this one.
      if (attempt.retryAfter > 0) expect(waitOf(await limiter.admit(db, 'admin', `203.0.113.${i}`))).toBe(attempt.retryAfter);
      clock.t += attempt.retryAfter * 1000;
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900, 900, 900]);
  });

  it('the tenth failure reports the account lock, with the wait strangers now face', async () => {
    const { db, limiter } = await setup();
    const attempts: Attempt[] = [];
    for (let i = 0; i < 10; i++) attempts.push(attempted(await limiter.admit(db, 'admin', `198.51.100.${i}`)));
    expect(attempts[9]?.locks).toEqual([{ scope: 'account', retryAfter: 30 }]);
    expect(attempts.slice(0, 9).every((a) => a.locks.length === 0)).toBe(true);
  });

  it('the owner at an address they have logged in from is not slowed by the back-off', async () => {
    const { db, clock, limiter } = await setup();
    attempted(await limiter.admit(db, 'admin', '192.0.2.7'));
    await limiter.succeeded(db, 'admin', '192.0.2.7');
    clock.t += MINUTE;
    for (let i = 0; i < 30; i++) {
      const a = await limiter.admit(db, 'admin', `198.51.100.${i}`);
      if (a.admitted) continue;
      clock.t += a.retryAfter * 1000;
    }
    expect(waitOf(await limiter.admit(db, 'admin', '198.51.100.200'))).toBeGreaterThan(0);
    expect((await limiter.admit(db, 'admin', '192.0.2.7')).admitted).toBe(true);
  });

  it('a known address stops being known 30 days after its last login', async () => {
    const { db, clock, limiter } = await setup();
    attempted(await limiter.admit(db, 'admin', '192.0.2.7'));
    await limiter.succeeded(db, 'admin', '192.0.2.7');
    clock.t += 30 * 24 * 60 * MINUTE + 1;
    for (let i = 0; i < 10; i++) attempted(await limiter.admit(db, 'admin', `198.51.100.${i}`));
    expect(waitOf(await limiter.admit(db, 'admin', '192.0.2.7'))).toBe(30);
  });

  it('is not for ever: when the guessing stops, the wait runs out', async () => {
    const { db, clock, limiter } = await setup();
    for (let i = 0; i < 40; i++) {
      const a = await limiter.admit(db, 'admin', `198.51.100.${i}`);
      if (!a.admitted) clock.t += a.retryAfter * 1000;
    }
    const wait = waitOf(await limiter.admit(db, 'admin', '203.0.113.1'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900);
    clock.t += wait * 1000;
    expect((await limiter.admit(db, 'admin', '203.0.113.1')).admitted).toBe(true);
  });

  it('unknown usernames are throttled exactly like real ones', async () => {
    const { db, limiter } = await setup();
    for (let i = 0; i < 10; i++) attempted(await limiter.admit(db, 'no-such-user', `198.51.100.${i}`));
    expect(waitOf(await limiter.admit(db, 'no-such-user', '203.0.113.1'))).toBe(30);
  });
});

describe('LoginLimiter: storage', () => {
  it('counts survive a new limiter on the same database (a restart)', async () => {
    const { db, clock } = await setup();
    const first = new LoginLimiter(DEFAULT_LIMITS, () => clock.t);
    for (let i = 0; i < 5; i++) attempted(await first.admit(db, 'alice', '10.0.0.1'));
    const second = new LoginLimiter(DEFAULT_LIMITS, () => clock.t);
    expect(waitOf(await second.admit(db, 'alice', '10.0.0.1'))).toBe(900);
  });

  it('prunes failures older than every window', async () => {
    const { db, clock, limiter } = await setup();
    for (let i = 0; i < 30; i++) attempted(await limiter.admit(db, `user${i}`, '10.0.0.1'));
    expect(await storedLoginFailures(db)).toBe(30);
    clock.t += 24 * 60 * MINUTE + 1;
    attempted(await limiter.admit(db, 'someone', '10.0.0.2'));
    expect(await storedLoginFailures(db)).toBe(1);
  });
});

describe('limitWaits', () => {
  const none = { count: 0, first: null };
  it('an enormous failure count stays at the 15-minute cap (2 ** n overflows to Infinity)', () => {
    const counts = { pair: none, address: none, account: { count: 5000, last: START }, known: false };
    expect(limitWaits(counts, START, DEFAULT_LIMITS)).toEqual({ pair: 0, address: 0, account: 15 * MINUTE });
  });

  it('zero failures: no wait anywhere', () => {
    const counts = { pair: none, address: none, account: { count: 0, last: null }, known: false };
    expect(limitWaits(counts, START, DEFAULT_LIMITS)).toEqual({ pair: 0, address: 0, account: 0 });
  });
});
