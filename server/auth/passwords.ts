/**
 * Password hashing with argon2id (memory-hard), parameters from the OWASP password storage cheat
 * sheet: 19 MiB, 2 iterations, 1 lane. The parameters are stored in each hash, so raising them
 * later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this when the username is unknown makes a failed login take as long either
// way, so response times do not reveal which usernames exist.
let dummy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    dummy ??= hashPassword('greenline-timing-equaliser');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
