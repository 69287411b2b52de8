import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { HttpError } from '@/lib/http/errors';
import { getPublicNotice, type PublicNotice } from './public';

/** For public pages: a published notice, or the 404 page (nothing unpublished has a public address). */
export async function loadPublicNotice(slug: string): Promise<PublicNotice> {
  try {
    return await getPublicNotice(await getDb(), decodeURIComponent(slug));
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) notFound();
    throw err;
  }
}
