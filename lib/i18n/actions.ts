'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './locales';

/** Remembers the reader's language for a year. Public pages use it too, so no sign-in is needed. */
export async function setLocale(value: string): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, toLocale(value), {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
}
