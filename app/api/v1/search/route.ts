import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { searchQuerySchema } from '@/lib/search/schemas';
import { search } from '@/lib/search/search';

/** One search over case numbers, subject names, operators, USCCs and identifiers (DESIGN §6). */
export const GET = apiRoute(async (req) => {
  await requirePermission('case:read');
  const query = readSearchParams(req.url, searchQuerySchema);
  return search(await getDb(), query);
});
