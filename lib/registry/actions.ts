'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { IDENTIFIER_TYPES } from '@/lib/domain/identifiers';
import { defineAction, idInput, type Refused } from '@/lib/actions/define';
import { decideLink } from '@/lib/subjects/links';
import { createOperator, updateOperator } from './operators';
import { createSubject, updateSubject } from './subject-commands';
import { operatorInputSchema, STORE_ROWS, subjectInputSchema, subjectLinkInputSchema } from './schemas';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), idInput.optional());

/** Creates or (with `id`) edits an operator; the same zod schema as POST /api/v1/operators. */
export const saveOperator = defineAction({
  name: 'saveOperator',
  permission: 'registry:write',
  target: { id: optionalId },
  schema: operatorInputSchema,
  fromForm: (form) => ({ id: form.get('id'), name: field(form, 'name'), uscc: field(form, 'uscc'), region: field(form, 'region'), contact: field(form, 'contact') }),
  run: async ({ actor, input: { id, ...body }, tx }) => (await (id ? updateOperator(tx, actor, id, body) : createOperator(tx, actor, body))).id,
  after: (id) => {
    revalidatePath('/operators');
    redirect(`/operators/${id}`);
  },
});

/** identifiers.N.value → identifier.<type>, the name of the input it came from. */
function identifierFields(result: Refused, raw: Record<string, unknown>): Refused {
  const types = ((raw.identifiers as { type: string }[] | undefined) ?? []).map((i) => i.type);
  const fieldErrors = Object.fromEntries(
    Object.entries(result.fieldErrors).map(([k, v]) => {
      const m = /^identifiers\.(\d+)/.exec(k);
      return [m ? `identifier.${types[Number(m[1])]}` : k, v];
    }),
  );
  return { ...result, fieldErrors };
}

/** Creates or (with `id`) edits a subject; one input per identifier type, up to three store rows; POST /api/v1/subjects's schema. */
export const saveSubject = defineAction({
  name: 'saveSubject',
  permission: 'registry:write',
  target: { id: optionalId },
  schema: subjectInputSchema,
  fromForm: (form) => ({
    id: form.get('id'),
    kind: field(form, 'kind'),
    platform: field(form, 'platform'),
    name: field(form, 'name'),
    sector: field(form, 'sector'),
    operatorId: field(form, 'operatorId'),
    identifiers: IDENTIFIER_TYPES.filter((type) => field(form, `identifier.${type}`).trim()).map((type) => ({ type, value: field(form, `identifier.${type}`) })),
    storeListings: Array.from({ length: STORE_ROWS }, (_, n) => ({ store: field(form, `store.${n}`), versionSeen: field(form, `version.${n}`) })).filter((l) => l.store.trim()),
  }),
  run: async ({ actor, input: { id, ...body }, tx }) => ({ id: (await (id ? updateSubject(tx, actor, id, body) : createSubject(tx, actor, body))).id, created: !id }),
  localize: identifierFields,
  after: ({ id, created }) => {
    revalidatePath('/subjects');
    redirect(created ? `/subjects/${id}?created=1` : `/subjects/${id}`);
  },
});

/** Links a probable match as the same subject, or dismisses it; POST /api/v1/subjects/{id}/links's schema. */
export const decideSubjectLink = defineAction({
  name: 'decideSubjectLink',
  permission: 'registry:write',
  target: { subjectId: idInput },
  schema: subjectLinkInputSchema,
  fromForm: (form) => ({ subjectId: field(form, 'subjectId'), otherSubjectId: Number(field(form, 'otherSubjectId')), verdict: field(form, 'verdict'), reason: field(form, 'reason') }),
  run: async ({ actor, input: { subjectId, ...body }, tx }) => {
    await decideLink(tx, actor, subjectId, body);
    return { subjectId };
  },
  after: ({ subjectId }) => revalidatePath(`/subjects/${subjectId}`),
});
