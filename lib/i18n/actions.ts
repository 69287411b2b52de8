'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define';
import { LOCALE_COOKIE, toLocale } from './locales';

/** Remembers the reader's language for a year. Public pages use it too, so no sign-in is needed. */
export const setLocale = defineAction({
  name: 'setLocale',
  permission: 'public',
  schema: z.object({ locale: z.string().max(35) }),
  transaction: 'none',
  run: async ({ input }) => {
    (await cookies()).set(LOCALE_COOKIE, toLocale(input.locale), {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: false,
    });
  },
});
