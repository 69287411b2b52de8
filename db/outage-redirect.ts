import { DrizzleQueryError } from 'drizzle-orm/errors';
import { isDatabaseUnavailable, noteDatabaseError } from './health';

/**
 * A page whose render meets a database outage half-way (after its layout's first query) would be a
 * 500 page: Next answers any thrown error so, and no page can catch every query. Next does honour a
 * thrown error's `digest` when it is a redirect's, so a failed query that says the database is away
 * carries the digest of `redirect('/unavailable', replace)`: the reader gets the 503 page
 * (app/unavailable/route.ts), which sends them home once the database answers. API routes and server
 * actions catch the error before Next sees it and answer their own 503 (lib/http/route.ts).
 * Any other query error keeps the digest Next gives it.
 */
const REDIRECT_DIGEST = 'NEXT_REDIRECT;replace;/unavailable;307;';

const proto = DrizzleQueryError.prototype as unknown as Record<string, unknown>;
if (!Object.getOwnPropertyDescriptor(proto, 'digest')) {
  Object.defineProperty(proto, 'digest', {
    configurable: true,
    get(this: DrizzleQueryError) {
      if (!isDatabaseUnavailable(this)) return undefined;
      noteDatabaseError(this);
      return REDIRECT_DIGEST;
    },
    set(this: DrizzleQueryError, value: unknown) {
      Object.defineProperty(this, 'digest', { value, writable: true, configurable: true, enumerable: false });
    },
  });
}
