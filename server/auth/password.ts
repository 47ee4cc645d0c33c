import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { assertUncommonPassword } from './common-passwords';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** An argon2id hash (PHC string) of the password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** The hash of a password a user chose: every route that sets a password goes through here, so none takes a common one. */
export function hashNewPassword(password: string, field = 'password'): Promise<string> {
  assertUncommonPassword(password, field);
  return hashPassword(password);
}

// Verified against when the email is unknown, so both paths cost the same time.
let decoy: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a decoy when there is none. */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const target = stored ?? (await decoy);
  try {
    const ok = await verify(target, password);
    return ok && stored !== undefined;
  } catch {
    return false;
  }
}
