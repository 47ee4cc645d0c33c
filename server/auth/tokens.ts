import crypto from 'node:crypto';

/** A fresh random token (256 bits) and the hash stored in its place. */
export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a token: the only form a token is ever stored in. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
