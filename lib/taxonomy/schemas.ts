/**
 * Taxonomy administration (DESIGN §2, §6): sectors, violation categories and stores, by code, with
 * labels in both languages (categories add the legal-basis template in both). Never deleted: an entry
 * is retired (`retired: true`), hidden from new input, kept on every record that uses it. Client-safe.
 */
import { z } from 'zod';

export const TAXONOMIES = ['sectors', 'categories', 'stores'] as const;
export type TaxonomyKind = (typeof TAXONOMIES)[number];
/** At most this many entries per taxonomy (all of them are listed at once, in every form). */
export const MAX_TAXONOMY_ENTRIES = 500;
export const TAXONOMY_CODE_RE = /^[a-z][a-z0-9_]{0,63}$/;
const CODE_HINT = 'A code is 1–64 lower-case letters, digits or "_", starting with a letter (e.g. ride_hailing).';

const label = (language: string) =>
  z.string({ error: `The label in ${language} is required.` }).trim().min(1, `The label in ${language} is required.`).max(200, 'At most 200 characters.');
const basis = (language: string) =>
  z.string({ error: `The legal basis in ${language} is required.` }).trim().min(1, `The legal basis in ${language} is required.`).max(2000, 'At most 2,000 characters.');
const sortOrder = z.number({ error: 'The sort order is a whole number from 0 to 100000.' }).int('The sort order is a whole number.').min(0, 'At least 0.').max(100_000, 'At most 100000.');

export const taxonomyCodeSchema = z.string({ error: 'The code is required.' }).trim().regex(TAXONOMY_CODE_RE, CODE_HINT);

/** POST /api/v1/sectors and /api/v1/stores. */
export const createTaxonomySchema = z.strictObject({ code: taxonomyCodeSchema, labelZh: label('Chinese'), labelEn: label('English'), sortOrder: sortOrder.optional() });
/** POST /api/v1/categories: with the legal-basis template an inspector's finding is prefilled with. */
export const createCategorySchema = z.strictObject({ ...createTaxonomySchema.shape, legalBasisZh: basis('Chinese'), legalBasisEn: basis('English') });

const someField = (v: Record<string, unknown>) => Object.values(v).some((x) => x !== undefined);
const updateShape = {
  code: z.undefined({ error: 'The code cannot change: records name the entry by it.' }).optional(),
  labelZh: label('Chinese').optional(),
  labelEn: label('English').optional(),
  sortOrder: sortOrder.optional(),
  retired: z.boolean({ error: 'retired is true (retire: hidden from new input) or false (back in use).' }).optional(),
};
/** PATCH /api/v1/sectors/{code} and /api/v1/stores/{code}: relabel, reorder, retire or bring back. */
export const updateTaxonomySchema = z.strictObject(updateShape).refine(someField, { message: 'Change at least one field.', path: ['_'] });
/** PATCH /api/v1/categories/{code}: the same, and the legal basis. */
export const updateCategorySchema = z
  .strictObject({ ...updateShape, legalBasisZh: basis('Chinese').optional(), legalBasisEn: basis('English').optional() })
  .refine(someField, { message: 'Change at least one field.', path: ['_'] });

export type CreateTaxonomyInput = z.infer<typeof createCategorySchema> | z.infer<typeof createTaxonomySchema>;
export type UpdateTaxonomyInput = z.infer<typeof updateCategorySchema> | z.infer<typeof updateTaxonomySchema>;

export interface TaxonomyEntry {
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
  retired: boolean;
  legalBasisZh?: string;
  legalBasisEn?: string;
}

/** The 2xx body of the taxonomy routes, for the OpenAPI document. */
export const taxonomyEntrySchema = z.object({
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  sortOrder: z.number().int(),
  retired: z.boolean(),
  legalBasisZh: z.string().optional().describe('Categories only.'),
  legalBasisEn: z.string().optional().describe('Categories only.'),
});
