'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { IDENTIFIER_TYPES } from '@/lib/domain/identifiers';
import { formErrorsFrom, localizedZodErrors, type FormState } from '@/lib/forms/field-errors';
import { idParam } from '@/lib/http/params';
import { decideLink } from '@/lib/subjects/links';
import { createOperator, updateOperator } from './operators';
import { createSubject, updateSubject } from './subject-commands';
import { operatorInputSchema, STORE_ROWS, subjectInputSchema, subjectLinkInputSchema } from './schemas';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Creates or (with `id`) edits an operator; the same zod schema as POST /api/v1/operators. */
export async function saveOperatorAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission('registry:write');
  const parsed = operatorInputSchema.safeParse({ name: field(form, 'name'), uscc: field(form, 'uscc'), region: field(form, 'region'), contact: field(form, 'contact') });
  if (!parsed.success) return { fieldErrors: await localizedZodErrors(parsed.error) };
  const id = form.get('id') ? idParam(field(form, 'id')) : null;
  let savedId: number;
  try {
    const db = await getDb();
    const row = await db.transaction((tx) => (id ? updateOperator(tx, actor, id, parsed.data) : createOperator(tx, actor, parsed.data)));
    savedId = row.id;
  } catch (err) {
    return formErrorsFrom(err);
  }
  revalidatePath('/operators');
  redirect(`/operators/${savedId}`);
}

/** Creates or (with `id`) edits a subject; one input per identifier type, up to three store rows. */
export async function saveSubjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await requirePermission('registry:write');
  const identifierTypes = IDENTIFIER_TYPES.filter((type) => field(form, `identifier.${type}`).trim());
  const raw = {
    kind: field(form, 'kind'),
    platform: field(form, 'platform'),
    name: field(form, 'name'),
    sector: field(form, 'sector'),
    operatorId: field(form, 'operatorId'),
    identifiers: identifierTypes.map((type) => ({ type, value: field(form, `identifier.${type}`) })),
    storeListings: Array.from({ length: STORE_ROWS }, (_, n) => ({ store: field(form, `store.${n}`), versionSeen: field(form, `version.${n}`) })).filter((l) => l.store.trim()),
  };
  const parsed = subjectInputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = await localizedZodErrors(parsed.error);
    // identifiers.N.value → identifier.<type>, the name of the input it came from.
    return {
      fieldErrors: Object.fromEntries(
        Object.entries(errors).map(([k, v]) => {
          const m = /^identifiers\.(\d+)/.exec(k);
          return [m ? `identifier.${identifierTypes[Number(m[1])]}` : k, v];
        }),
      ),
    };
  }
  const id = form.get('id') ? idParam(field(form, 'id')) : null;
  let savedId: number;
  try {
    const db = await getDb();
    const row = await db.transaction((tx) => (id ? updateSubject(tx, actor, id, parsed.data) : createSubject(tx, actor, parsed.data)));
    savedId = row.id;
  } catch (err) {
    return formErrorsFrom(err);
  }
  revalidatePath('/subjects');
  redirect(id ? `/subjects/${savedId}` : `/subjects/${savedId}?created=1`);
}

/** Links a probable match as the same subject, or dismisses it. */
export async function decideLinkAction(form: FormData): Promise<void> {
  const actor = await requirePermission('registry:write');
  const subjectId = idParam(field(form, 'subjectId'));
  const input = subjectLinkInputSchema.parse({ otherSubjectId: Number(field(form, 'otherSubjectId')), verdict: field(form, 'verdict'), reason: field(form, 'reason') });
  const db = await getDb();
  await db.transaction((tx) => decideLink(tx, actor, subjectId, input));
  revalidatePath(`/subjects/${subjectId}`);
}
