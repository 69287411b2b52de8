import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { defaultDataDir } from '@/db/client';

/**
 * The session-signing secret (DESIGN §10). NEXTAUTH_SECRET wins. On a real Postgres (DATABASE_URL)
 * it is required: every web copy must sign and read sessions with the same secret, so start-up stops
 * before anything is written without it (scripts/prepare-db.ts, lib/server/boot.ts). Only on the
 * embedded default is a secret generated on first start and kept under .data/.
 */
export const MISSING_SECRET_MESSAGE =
  'NEXTAUTH_SECRET is not set. With DATABASE_URL every web copy must sign sessions with the same secret: ' +
  'set NEXTAUTH_SECRET to a long random string (e.g. `openssl rand -base64 32`). Nothing was written.';

const fromEnv = () => process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET || undefined;

/** Why this process may not start (a real Postgres without a secret), or null. */
export function missingSecretProblem(): string | null {
  return process.env.DATABASE_URL && !fromEnv() ? MISSING_SECRET_MESSAGE : null;
}

let generated: string | undefined;

export function resolveAuthSecret(): string {
  const secret = fromEnv();
  if (secret) return secret;
  const problem = missingSecretProblem();
  if (problem) throw new Error(problem);
  return (generated ??= embeddedSecret());
}

/** Kept beside the embedded data folder (.data/ by default), made on first use. */
function embeddedSecret(): string {
  const file = path.join(path.dirname(defaultDataDir()), 'auth-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // another process wrote it first
    }
  }
}
