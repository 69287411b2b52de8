import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { defaultDataDir } from '@/db/client';

/**
 * The session-signing secret. NEXTAUTH_SECRET wins; on the embedded default a secret is generated on
 * first start and kept under .data/; a production server on a real Postgres without one refuses to start.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production' && process.env.RECTIFY_DEMO !== '1') {
    throw new Error(
      'NEXTAUTH_SECRET is not set. A production Rectify on a real Postgres needs a session secret: ' +
        'set NEXTAUTH_SECRET to a long random string (e.g. `openssl rand -base64 32`).',
    );
  }
  // Kept beside the embedded data folder (.data/ by default).
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
