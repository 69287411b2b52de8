'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { createTaxonomyEntry, updateTaxonomyEntry } from './admin';
import { codeParam } from './routes';
import { createCategorySchema, createTaxonomySchema, TAXONOMIES, updateCategorySchema, updateTaxonomySchema, type TaxonomyKind } from './schemas';

const field = (form: FormData, name: string) => (form.get(name) === null ? undefined : String(form.get(name)));

/** Adds an entry, or (with `original`) relabels it, or (with `retired`) retires or restores it; the API's schemas. */
export async function saveTaxonomyEntryAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const actor = await requirePermission('admin:taxonomy');
    const kind = field(form, 'kind') as TaxonomyKind;
    if (!TAXONOMIES.includes(kind)) throw new Error('Unknown taxonomy.');
    const labels = { labelZh: field(form, 'labelZh'), labelEn: field(form, 'labelEn'), ...(kind === 'categories' ? { legalBasisZh: field(form, 'legalBasisZh'), legalBasisEn: field(form, 'legalBasisEn') } : {}) };
    const original = field(form, 'original');
    if (original) {
      const retired = field(form, 'retired');
      const body = retired === undefined ? labels : { retired: retired === 'true' };
      const input = kind === 'categories' ? updateCategorySchema.parse(body) : updateTaxonomySchema.parse(body);
      return (await updateTaxonomyEntry(actor, kind, codeParam(original), input)).code;
    }
    const body = { code: field(form, 'code'), ...labels };
    const input = kind === 'categories' ? createCategorySchema.parse(body) : createTaxonomySchema.parse(body);
    return (await createTaxonomyEntry(actor, kind, input)).code;
  });
  if (result.ok) revalidatePath('/admin/taxonomies');
  return result;
}
