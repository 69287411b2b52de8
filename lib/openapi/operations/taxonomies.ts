import { z } from 'zod';
import { createCategorySchema, createTaxonomySchema, MAX_TAXONOMY_ENTRIES, taxonomyEntrySchema, updateCategorySchema, updateTaxonomySchema, type TaxonomyKind } from '@/lib/taxonomy/schemas';
import type { Operation } from '../types';

const byCode = z.object({ code: z.string().min(1).max(64).describe('The entry’s code.') });
const WHAT: Record<TaxonomyKind, string> = { sectors: 'sectors', categories: 'violation categories', stores: 'stores (app stores and mini-program hosts)' };

/** Taxonomies (DESIGN §2, §6): everyone signed in reads them; admins add, relabel and retire entries. */
export const taxonomyOperations: Operation[] = (['sectors', 'categories', 'stores'] as const).flatMap((kind): Operation[] => [
  {
    method: 'GET', path: `/api/v1/${kind}`, tag: 'taxonomies', summary: `List ${WHAT[kind]}`,
    description: `Every entry (at most ${MAX_TAXONOMY_ENTRIES}) in display order, retired ones marked \`retired: true\`; one page (\`nextCursor\` is null).`,
    access: 'registry:read',
    responses: [{ status: 200, description: '`{ items, nextCursor: null }`', schema: z.object({ items: z.array(taxonomyEntrySchema), nextCursor: z.null() }) }],
  },
  {
    method: 'POST', path: `/api/v1/${kind}`, tag: 'taxonomies', summary: `Add one of the ${WHAT[kind]}`,
    description: `Labels in Chinese and English${kind === 'categories' ? ', and the legal-basis template in both' : ''}. A taken code is 409 naming \`code\`; past ${MAX_TAXONOMY_ENTRIES} entries, 422 naming \`code\`. Audited.`,
    access: 'admin:taxonomy', body: { name: kind === 'categories' ? 'CreateCategory' : 'CreateTaxonomyEntry', schema: kind === 'categories' ? createCategorySchema : createTaxonomySchema },
    responses: [{ status: 201, description: '`{ entry }`', schema: z.object({ entry: taxonomyEntrySchema }) }], errors: [409, 413, 422],
  },
  {
    method: 'PATCH', path: `/api/v1/${kind}/{code}`, tag: 'taxonomies', summary: `Relabel or retire one of the ${WHAT[kind]}`,
    description: '`retired: true` hides the entry from new input (forms, the API, imports); every record that uses it keeps it, and lists, filters and charts still show it. `retired: false` brings it back. Never deleted; the code never changes. Audited.',
    access: 'admin:taxonomy', params: byCode, body: { name: kind === 'categories' ? 'UpdateCategory' : 'UpdateTaxonomyEntry', schema: kind === 'categories' ? updateCategorySchema : updateTaxonomySchema },
    responses: [{ status: 200, description: '`{ entry }`', schema: z.object({ entry: taxonomyEntrySchema }) }], errors: [404, 413],
  },
]);
