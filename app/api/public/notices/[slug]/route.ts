import { getDb } from '@/db/client';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { xlsxHeaders } from '@/lib/exports/xlsx';
import { csvFileName, noticeCsv, noticeXlsx } from '@/lib/notices/exports';
import { cachedPublicNotice } from '@/lib/notices/public-cache';
import { downloadLocale } from '@/lib/notices/request';
import { publicNoticeQuerySchema } from '@/lib/notices/schemas';

/** One published notice with its annex as JSON, `?format=csv` (UTF-8 with BOM) or `?format=xlsx` (`&lang=en` for English). */
export const GET = apiRoute<{ slug: string }>(async (req, params) => {
  const url = new URL(req.url);
  const { format } = readSearchParams(url, publicNoticeQuerySchema);
  const notice = await cachedPublicNotice(await getDb(), params.slug);
  if (format === 'json') return notice;
  if (format === 'xlsx') return new Response(new Uint8Array(await noticeXlsx(notice, downloadLocale(url))), { headers: xlsxHeaders(csvFileName(notice, 'xlsx')) });
  return new Response(noticeCsv(notice, downloadLocale(url)), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFileName(notice)}"`,
      'x-content-type-options': 'nosniff',
    },
  });
});
