/**
 * Whether the database is reachable, as this process last saw it. No driver imports: the proxy
 * (which runs in the same Node process as the app) reads it to answer pages with a 503 at once
 * while the database is away, and re-checks through `probe`, which db/client.ts registers.
 */

/** A database that is restarting, stopped or unreachable: the request may succeed a moment later. */
export const DATABASE_UNAVAILABLE_CODES = new Set([
  // node: the connection could not be made or was cut
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  // SQLSTATE class 08 (connection exception), 57P01..57P03 (shut down, crashed, starting up), 53300 (too many connections)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/** node-postgres says these in words, with no code. */
const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /client has encountered a connection error/i,
  /client was closed and is not queryable/i,
  /query read timeout/i,
  /connection timeout/i,
];

/** Seconds a client is asked to wait (Retry-After) before trying again. */
export const RETRY_AFTER_SECONDS = 5;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** True when `err` (or what it wraps: drizzle's DrizzleQueryError, an AggregateError) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as ErrorLike;
  if (typeof e.code === 'string' && DATABASE_UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return false; // another SQLSTATE: a real answer from the database
  if (typeof e.message === 'string' && !e.code && UNAVAILABLE_MESSAGES.some((re) => re.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

interface HealthState {
  /** When this process last saw the database unavailable (ms since epoch), or null. */
  unavailableSince: number | null;
  /** A quick round trip to the database; registered by db/client.ts for Postgres. */
  probe?: () => Promise<void>;
}

const state: HealthState = ((globalThis as { __rectifyDbHealth?: HealthState }).__rectifyDbHealth ??= { unavailableSince: null });

/** Notes an error: when it says the database is unavailable, remembers that and returns true. */
export function noteDatabaseError(err: unknown): boolean {
  if (!isDatabaseUnavailable(err)) return false;
  state.unavailableSince ??= Date.now();
  return true;
}

/** A connection succeeded: the database is back. */
export function noteDatabaseAvailable(): void {
  state.unavailableSince = null;
}

export function registerDatabaseProbe(probe: () => Promise<void>): void {
  state.probe = probe;
}

/**
 * While the database was last seen unavailable, checks it again (bounded by the pool's connect
 * timeout). True when it is (still) unavailable; false when it answers or was never seen down.
 */
export async function databaseStillUnavailable(): Promise<boolean> {
  if (state.unavailableSince === null || !state.probe) return false;
  try {
    await state.probe();
    noteDatabaseAvailable();
    return false;
  } catch (err) {
    return noteDatabaseError(err);
  }
}
