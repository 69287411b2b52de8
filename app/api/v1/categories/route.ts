import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { createTaxonomyEntry } from '@/lib/taxonomy/admin';
import { created, listTaxonomyRoute } from '@/lib/taxonomy/routes';
import { createCategorySchema } from '@/lib/taxonomy/schemas';

export const GET = listTaxonomyRoute('categories');

export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('admin:taxonomy');
  return created(await createTaxonomyEntry(actor, 'categories', await readJson(req, createCategorySchema)));
});
