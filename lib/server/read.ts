import { notFound } from 'next/navigation';
import { getDb, type Db } from '@/db/client';
import { HttpError } from '@/lib/http/errors';

/**
 * Runs one lib query on the app's database: how pages and server components read (they never import
 * the database layer themselves — eslint.config.mjs refuses `@/db/*` and drizzle under app/ and
 * components/). The query stays a lib function of `(db, …args)`, the one the API route and the tests
 * call with their own database or transaction.
 */
export async function read<A extends unknown[], R>(query: (db: Db, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  return query(await getDb(), ...args);
}

/**
 * `read` for a page of one row: a lib query's 404 (the `getXOrThrow` style) becomes the page's
 * not-found; every other error stays an error.
 */
export async function readOrNotFound<A extends unknown[], R>(query: (db: Db, ...args: A) => Promise<R>, ...args: A): Promise<R> {
  try {
    return await read(query, ...args);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
}
