import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { updateTaxonomyEntry } from '@/lib/taxonomy/admin';
import { codeParam } from '@/lib/taxonomy/routes';
import { updateTaxonomySchema } from '@/lib/taxonomy/schemas';

/** Relabel, reorder, retire (`retired: true`) or bring back; never delete. */
export const PATCH = apiRoute<{ code: string }>(async (req, params) => {
  const actor = await requirePermission('admin:taxonomy');
  return { entry: await updateTaxonomyEntry(actor, 'stores', codeParam(params.code), await readJson(req, updateTaxonomySchema)) };
});
