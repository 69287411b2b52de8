import { z } from 'zod';
import { invalid } from './errors';

/** A positive integer id as a route segment (`/cases/{id}`): the schema the API documents. */
export const idParamSchema = z.string().regex(/^(?!0+$)\d{1,9}$/, 'Must be a positive integer.');

/** A positive integer id from a route segment, or a 400 naming it. */
export function idParam(value: string | undefined, name = 'id'): number {
  if (!idParamSchema.safeParse(value).success) {
    throw invalid(`The ${name} in the path must be a positive integer.`, { [name]: 'Must be a positive integer.' });
  }
  return Number(value);
}

/** The largest value of an `integer` column (ids, revisions): a larger number is a 400, not a database error. */
export const MAX_DB_INT = 2_147_483_647;
