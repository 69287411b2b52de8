import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { HttpError } from '@/lib/http/errors';
import { redirectIfDatabaseUnavailable } from '@/lib/http/page-unavailable';
import { requirePermission, type Actor } from './actor';
import type { Permission } from './permissions';

/**
 * `requirePermission` for pages and layouts: no session sends the visitor to sign in (and back
 * afterwards); the wrong role renders the 403 page; a database outage sends them to the 503 page
 * (which brings them back when it is over).
 */
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  try {
    return await requirePermission(permission);
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) {
      const here = (await headers()).get('x-rectify-path') ?? '/';
      redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
    }
    if (err instanceof HttpError && err.status === 403) forbidden();
    await redirectIfDatabaseUnavailable(err);
    throw err;
  }
}
