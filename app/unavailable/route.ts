import type { NextRequest } from 'next/server';
import { databaseStillUnavailable } from '@/db/health';
import { safeCallbackPath } from '@/lib/auth/callback';
import { unavailablePage } from '@/lib/http/unavailable-page';

export const dynamic = 'force-dynamic';

/**
 * Where a page whose render met a database outage sends the reader (lib/auth/page.ts): a 503 page
 * that retries `from` by itself; once the database answers again, straight back to `from`.
 * Public: it shows nothing but the outage notice.
 */
export async function GET(req: NextRequest) {
  const from = safeCallbackPath(req.nextUrl.searchParams.get('from'));
  // A relative Location: right behind any proxy or load balancer, whatever Host it forwards.
  if (!(await databaseStillUnavailable())) return new Response(null, { status: 303, headers: { Location: from, 'Cache-Control': 'no-store' } });
  return unavailablePage(req, from);
}
