import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { noteDatabaseError } from '@/db/health';

/**
 * In a page: when `err` says the database is away (db/health.ts), sends the reader to the 503 page
 * (GET /unavailable), which retries the page they asked for. Next renders any other thrown error as
 * a 500, so a page calls this before rethrowing. Returns when `err` is something else.
 */
export async function redirectIfDatabaseUnavailable(err: unknown): Promise<void> {
  if (!noteDatabaseError(err)) return;
  const here = (await headers()).get('x-rectify-path') ?? '/';
  redirect(`/unavailable?from=${encodeURIComponent(here)}`);
}
