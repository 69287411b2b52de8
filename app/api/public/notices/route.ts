import { getDb } from '@/db/client';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { listPublicNotices } from '@/lib/notices/public';
import { publicListQuerySchema } from '@/lib/notices/schemas';

/** Published notices, newest first; public, no sign-in. Filters: q, year, kind, sector; cursor paging. */
export const GET = apiRoute(async (req) => {
  const url = new URL(req.url);
  url.searchParams.delete('lang');
  return listPublicNotices(await getDb(), readSearchParams(url, publicListQuerySchema));
});
