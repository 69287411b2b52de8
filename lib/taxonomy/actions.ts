'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define';
import * as admin from './admin';
import { createCategorySchema, createTaxonomySchema, taxonomyCodeSchema, updateCategorySchema, updateTaxonomySchema } from './schemas';

const field = (form: FormData, name: string) => (form.get(name) === null ? undefined : String(form.get(name)));
/** Sectors and stores share their schemas; categories add the legal basis. */
const plainKind = z.enum(['sectors', 'stores'], { error: 'One of: sectors, stores.' });

function entryForm(form: FormData, withBasis: boolean) {
  const retired = field(form, 'retired');
  if (retired !== undefined) return { original: field(form, 'original'), retired: retired === 'true', kind: field(form, 'kind') };
  const labels = { labelZh: field(form, 'labelZh'), labelEn: field(form, 'labelEn'), ...(withBasis ? { legalBasisZh: field(form, 'legalBasisZh'), legalBasisEn: field(form, 'legalBasisEn') } : {}) };
  const original = field(form, 'original');
  return original ? { ...labels, original, kind: field(form, 'kind') } : { ...labels, code: field(form, 'code'), kind: field(form, 'kind') };
}

const changed = () => revalidatePath('/admin/taxonomies');

/** Adds a sector or a store: POST /api/v1/sectors's and /api/v1/stores's schema. */
export const createTaxonomyEntry = defineAction({
  name: 'createTaxonomyEntry',
  permission: 'admin:taxonomy',
  target: { kind: plainKind },
  schema: createTaxonomySchema,
  fromForm: (form) => entryForm(form, false),
  transaction: 'own',
  run: async ({ actor, input: { kind, ...body } }) => (await admin.createTaxonomyEntry(actor, kind, body)).code,
  after: changed,
});

/** Relabels, retires or restores a sector or a store: PATCH /api/v1/{sectors,stores}/{code}'s schema. */
export const updateTaxonomyEntry = defineAction({
  name: 'updateTaxonomyEntry',
  permission: 'admin:taxonomy',
  target: { kind: plainKind, original: taxonomyCodeSchema },
  schema: updateTaxonomySchema,
  fromForm: (form) => entryForm(form, false),
  transaction: 'own',
  run: async ({ actor, input: { kind, original, ...body } }) => (await admin.updateTaxonomyEntry(actor, kind, original, body)).code,
  after: changed,
});

/** Adds a category with its legal basis: POST /api/v1/categories's schema. */
export const createCategory = defineAction({
  name: 'createCategory',
  permission: 'admin:taxonomy',
  schema: createCategorySchema,
  fromForm: (form) => {
    const { kind: _kind, ...rest } = entryForm(form, true);
    return rest;
  },
  transaction: 'own',
  run: async ({ actor, input }) => (await admin.createTaxonomyEntry(actor, 'categories', input)).code,
  after: changed,
});

/** Relabels, retires or restores a category: PATCH /api/v1/categories/{code}'s schema. */
export const updateCategory = defineAction({
  name: 'updateCategory',
  permission: 'admin:taxonomy',
  target: { original: taxonomyCodeSchema },
  schema: updateCategorySchema,
  fromForm: (form) => {
    const { kind: _kind, ...rest } = entryForm(form, true);
    return rest;
  },
  transaction: 'own',
  run: async ({ actor, input: { original, ...body } }) => (await admin.updateTaxonomyEntry(actor, 'categories', original, body)).code,
  after: changed,
});
