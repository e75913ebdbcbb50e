import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.ts';

const limits = { perUser: 3, perAddress: 5, windowMs: 60_000 };

describe('LoginLimiter', () => {
  it('lets a user try until the per-user budget is spent, then names the wait', () => {
    let t = 0;
    const limiter = new LoginLimiter(limits, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('alice', '10.0.0.1')).toBe(0);
      limiter.failed('alice', '10.0.0.1');
      t += 1000;
    }
    expect(limiter.retryAfter('alice', '10.0.0.1')).toBe(57);
    expect(limiter.retryAfter('ALICE', '10.0.0.1')).toBe(57);
    // Another address is not locked out by the first one's failures.
    expect(limiter.retryAfter('alice', '10.0.0.2')).toBe(0);
    t = 60_001;
    expect(limiter.retryAfter('alice', '10.0.0.1')).toBe(0);
  });

  it('limits one address trying many usernames', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.failed(`user${i}`, '10.0.0.9');
    expect(limiter.retryAfter('someone-new', '10.0.0.9')).toBeGreaterThan(0);
  });

  it('a success clears that user’s failures', () => {
    const limiter = new LoginLimiter(limits, () => 0);
    limiter.failed('bob', 'a');
    limiter.failed('bob', 'a');
    limiter.succeeded('bob', 'a');
    limiter.failed('bob', 'a');
    limiter.failed('bob', 'a');
    expect(limiter.retryAfter('bob', 'a')).toBe(0);
  });
});
