/**
 * Password hashing with argon2id (@node-rs/argon2: a prebuilt binding, no install script). The
 * parameters are OWASP's minimum for argon2id (19 MiB, 2 passes, 1 lane); the PHC string records them, so
 * raising them later still verifies old hashes.
 */
import { hash, verify } from '@node-rs/argon2';

const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash opens nothing.
    return false;
  }
}
