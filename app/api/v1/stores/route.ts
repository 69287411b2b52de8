import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { createTaxonomyEntry } from '@/lib/taxonomy/admin';
import { created, listTaxonomyRoute } from '@/lib/taxonomy/routes';
import { createTaxonomySchema } from '@/lib/taxonomy/schemas';

export const GET = listTaxonomyRoute('stores');

export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('admin:taxonomy');
  return created(await createTaxonomyEntry(actor, 'stores', await readJson(req, createTaxonomySchema)));
});
