import { createHash, randomBytes } from 'node:crypto';

/** API token secrets look like `rct_<43 url-safe chars>`; only their SHA-256 is stored. */
export const TOKEN_PREFIX = 'rct_';

export function newTokenSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
