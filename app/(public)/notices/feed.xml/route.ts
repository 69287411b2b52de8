import { getDb } from '@/db/client';
import { apiRoute } from '@/lib/http/route';
import { noticesAtomFeed } from '@/lib/notices/exports';
import { cachedPublicNotices, cachedPublicText } from '@/lib/notices/public-cache';
import { downloadLocale, publicBaseUrl } from '@/lib/notices/request';
import { publicListQuerySchema } from '@/lib/notices/schemas';

/** The Atom feed of published notices (public; `?lang=en` for English), rendered once per publication and language. */
export const GET = apiRoute(async (req) => {
  const url = new URL(req.url);
  const db = await getDb();
  const [baseUrl, locale] = [publicBaseUrl(url), downloadLocale(url)];
  const feed = await cachedPublicText(`feed:${locale}:${baseUrl}`, async () => {
    const { notices } = await cachedPublicNotices(db, publicListQuerySchema.parse({ limit: 50 }));
    return noticesAtomFeed(notices, baseUrl, locale);
  });
  return new Response(feed, {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
});
