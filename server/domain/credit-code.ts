/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from an alphabet without I, O, S, V, Z; the last is a check character computed
 * from the first 17 with fixed weights, modulo 31.
 */

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

export type CreditCodeProblem = 'length' | 'alphabet' | 'check';

/** Why a credit code is invalid, or null when it is valid. Lower case is accepted. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const upper = code.trim().toUpperCase();
  if (upper.length !== 18) return 'length';
  for (const ch of upper) if (!CREDIT_CODE_ALPHABET.includes(ch)) return 'alphabet';
  return creditCodeCheckChar(upper.slice(0, 17)) === upper.charAt(17) ? null : 'check';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

export function describeCreditCodeProblem(code: string, problem: CreditCodeProblem): string {
  switch (problem) {
    case 'length':
      return `credit code "${code}" has ${code.trim().length} characters, expected 18`;
    case 'alphabet':
      return `credit code "${code}" contains a character outside 0-9 and A-Y without I, O, S, V, Z`;
    case 'check': {
      const expected = creditCodeCheckChar(code.trim().toUpperCase().slice(0, 17));
      return `credit code "${code}" fails its check character (expected ${expected})`;
    }
  }
}
