import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { HttpError } from '@/lib/http/errors';
import type { PublicNotice } from './public';
import { cachedPublicNotice } from './public-cache';

/**
 * For public pages: a published notice, or the 404 page (nothing unpublished has a public address).
 * Cached per publication (./public-cache.ts), and read once per request (the page and its metadata).
 */
export const loadPublicNotice = cache(async (slug: string): Promise<PublicNotice> => {
  try {
    return await cachedPublicNotice(await getDb(), decodeURIComponent(slug));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
});
