import { forbidden, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import { HttpError } from '@/lib/http/errors';
import { redirectIfDatabaseUnavailable } from '@/lib/http/page-unavailable';
import { getActor, requirePermission, type Actor, type ScopedActor, type ScopedPermission } from './actor';
import type { Permission } from './permissions';

/** The longest address a sign-in comes back to (README "Limits"); a longer one comes back to its path, or home. */
export const CALLBACK_MAX_CHARS = 2000;

/** The sign-in page, coming back to `here` (its path alone when the whole is too long for a redirect header). */
function signInHref(here: string): string {
  const back = here.length <= CALLBACK_MAX_CHARS ? here : here.split('?')[0]!;
  return back.length <= CALLBACK_MAX_CHARS ? `/signin?callbackUrl=${encodeURIComponent(back)}` : '/signin';
}

/**
 * `requirePermission` for pages and layouts: no session sends the visitor to sign in (and back
 * afterwards); the wrong role renders the 403 page, except for an operator's contact, whose only
 * pages are the portal's: any staff page sends it to `/portal` (DESIGN §9); a database outage sends
 * them to the 503 page (which brings them back when it is over).
 */
export async function requirePagePermission(permission: ScopedPermission): Promise<ScopedActor>;
export async function requirePagePermission(permission: Permission): Promise<Actor>;
export async function requirePagePermission(permission: Permission): Promise<Actor> {
  try {
    return await requirePermission(permission);
  } catch (err) {
    if (err instanceof HttpError && err.status === 401) {
      const here = (await headers()).get('x-rectify-path') ?? '/';
      // The site's front door: a visitor without a session is most likely the public, looking for
      // the published notices (whose header links to the staff sign-in). Deeper pages ask to sign in.
      if (here === '/') redirect('/notices');
      redirect(signInHref(here));
    }
    if (err instanceof HttpError && err.status === 403) {
      if ((await getActor())?.role === 'operator_contact') redirect('/portal');
      forbidden();
    }
    await redirectIfDatabaseUnavailable(err);
    throw err;
  }
}
