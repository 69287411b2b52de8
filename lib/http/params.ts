import { invalid } from './errors';

/** A positive integer id from a route segment, or a 400 naming it. */
export function idParam(value: string | undefined, name = 'id'): number {
  const n = Number(value);
  if (!value || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw invalid(`The ${name} in the path must be a positive integer.`, { [name]: 'Must be a positive integer.' });
  }
  return n;
}

/** The largest value of an `integer` column (ids, revisions): a larger number is a 400, not a database error. */
export const MAX_DB_INT = 2_147_483_647;
