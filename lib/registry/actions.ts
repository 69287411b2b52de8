'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { IDENTIFIER_TYPES } from '@/lib/domain/identifiers';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { idParam } from '@/lib/http/params';
import { decideLink } from '@/lib/subjects/links';
import { createOperator, updateOperator } from './operators';
import { createSubject, updateSubject } from './subject-commands';
import { operatorInputSchema, STORE_ROWS, subjectInputSchema, subjectLinkInputSchema } from './schemas';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

/** Creates or (with `id`) edits an operator; the same zod schema as POST /api/v1/operators. */
export async function saveOperatorAction(_prev: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  const saved = await runAction(async () => {
    const actor = await requirePermission('registry:write');
    const input = operatorInputSchema.parse({ name: field(form, 'name'), uscc: field(form, 'uscc'), region: field(form, 'region'), contact: field(form, 'contact') });
    const id = form.get('id') ? idParam(field(form, 'id')) : null;
    const db = await getDb();
    const row = await db.transaction((tx) => (id ? updateOperator(tx, actor, id, input) : createOperator(tx, actor, input)));
    return row.id;
  });
  if (!saved.ok) return saved;
  revalidatePath('/operators');
  redirect(`/operators/${saved.data}`);
}

/** Creates or (with `id`) edits a subject; one input per identifier type, up to three store rows. */
export async function saveSubjectAction(_prev: ActionResult<number> | null, form: FormData): Promise<ActionResult<number>> {
  const identifierTypes = IDENTIFIER_TYPES.filter((type) => field(form, `identifier.${type}`).trim());
  const id = form.get('id') ? idParam(field(form, 'id')) : null;
  const saved = await runAction(async () => {
    const actor = await requirePermission('registry:write');
    const input = subjectInputSchema.parse({
      kind: field(form, 'kind'),
      platform: field(form, 'platform'),
      name: field(form, 'name'),
      sector: field(form, 'sector'),
      operatorId: field(form, 'operatorId'),
      identifiers: identifierTypes.map((type) => ({ type, value: field(form, `identifier.${type}`) })),
      storeListings: Array.from({ length: STORE_ROWS }, (_, n) => ({ store: field(form, `store.${n}`), versionSeen: field(form, `version.${n}`) })).filter((l) => l.store.trim()),
    });
    const db = await getDb();
    const row = await db.transaction((tx) => (id ? updateSubject(tx, actor, id, input) : createSubject(tx, actor, input)));
    return row.id;
  });
  if (!saved.ok) {
    // identifiers.N.value → identifier.<type>, the name of the input it came from.
    const fieldErrors = Object.fromEntries(
      Object.entries(saved.fieldErrors).map(([k, v]) => {
        const m = /^identifiers\.(\d+)/.exec(k);
        return [m ? `identifier.${identifierTypes[Number(m[1])]}` : k, v];
      }),
    );
    return { ...saved, fieldErrors };
  }
  revalidatePath('/subjects');
  redirect(id ? `/subjects/${saved.data}` : `/subjects/${saved.data}?created=1`);
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
