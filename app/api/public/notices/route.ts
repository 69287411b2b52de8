import { getDb } from '@/db/client';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { cachedPublicNotices } from '@/lib/notices/public-cache';
import { publicListQuerySchema } from '@/lib/notices/schemas';

/** Published notices, newest first; public, no sign-in. Filters: q, year, kind, sector; cursor paging. Cached per publication (lib/notices/public-cache.ts). */
export const GET = apiRoute(async (req) => {
  const url = new URL(req.url);
  url.searchParams.delete('lang');
  return cachedPublicNotices(await getDb(), readSearchParams(url, publicListQuerySchema));
});
