import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/http/route';
import { noticesAtomFeed } from '@/lib/notices/exports';
import { listPublicNotices } from '@/lib/notices/public';
import { downloadLocale, publicBaseUrl } from '@/lib/notices/request';
import { publicListQuerySchema } from '@/lib/notices/schemas';

/** The Atom feed of published notices (public; `?lang=en` for English). */
export const GET = apiRoute(async (req) => {
  const url = new URL(req.url);
  const { notices } = await listPublicNotices(await getDb(), publicListQuerySchema.parse({ limit: 50 }));
  return new Response(noticesAtomFeed(notices, publicBaseUrl(url), downloadLocale(url)), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
});
