import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, describeCreditCodeProblem, isValidCreditCode } from './credit-code.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // Codes printed on public business licences.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('computes the check character with weights modulo 31', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a check value of 31 to 0', () => {
    // Vary the last two characters until the weighted sum is divisible by 31.
    const digits = '0123456789';
    const prefixes = [...digits].flatMap((a) => [...digits].map((b) => `911502000000000${a}${b}`));
    const zero = prefixes.find((p) => creditCodeCheckChar(p) === '0');
    expect(zero).toBeDefined();
    expect(isValidCreditCode(`${zero}0`)).toBe(true);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(creditCodeProblem(' 91350100m000100y43 ')).toBeNull();
  });

  it('names the problem: length, alphabet, check', () => {
    expect(creditCodeProblem('123')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('alphabet');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
  });

  it('says which check character was expected', () => {
    expect(describeCreditCodeProblem('91350100M000100Y44', 'check')).toContain('expected 3');
  });

  it('rejects the excluded letters I, O, S, V and Z', () => {
    for (const letter of 'IOSVZ') expect(creditCodeCheckChar(`9135010${letter}M000100Y4`)).toBeNull();
  });
});
