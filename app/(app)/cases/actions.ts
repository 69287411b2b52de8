'use server';

import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { parseStores } from '@/lib/cases/forms';
import { bulkTransitionBodySchema, transitionBodySchema, transitionRequestFrom } from '@/lib/cases/schemas';
import { transitionCase, transitionCases } from '@/lib/cases/transition';
import { transitionActionError } from '@/lib/cases/refusal-text';
import type { ActionResult } from '@/lib/http/action';
import { invalid } from '@/lib/http/errors';

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

function fields(form: FormData) {
  const stores = text(form, 'takedownStores');
  return {
    to: text(form, 'to'),
    reason: text(form, 'reason'),
    deadline: text(form, 'deadline'),
    version: text(form, 'version'),
    takedownStores: stores ? parseStores(stores) : undefined,
  };
}

/** One case, from the case page's forms, at the revision the page was rendered at (stale: 409). */
export async function transitionCaseAction(_prev: ActionResult<{ state: string }> | null, form: FormData): Promise<ActionResult<{ state: string }>> {
  try {
    const actor = await requirePermission('case:transition');
    const id = Number(form.get('caseId'));
    const parsed = transitionBodySchema.safeParse({ ...fields(form), expectedRevision: Number(form.get('expectedRevision')) });
    if (!parsed.success || !Number.isSafeInteger(id) || id < 1) {
      throw parsed.success ? invalid('Invalid input.', { caseId: 'Unknown case.' }) : parsed.error;
    }
    const db = await getDb();
    const updated = await db.transaction((tx) => transitionCase(tx, actor, id, parsed.data.expectedRevision, transitionRequestFrom(parsed.data)));
    return { ok: true, data: { state: updated.state } };
  } catch (err) {
    return transitionActionError(err);
  }
}

/** Many cases from the list, all or nothing; every refused case is named with its reason. */
export async function bulkTransitionAction(_prev: ActionResult<{ moved: number }> | null, form: FormData): Promise<ActionResult<{ moved: number }>> {
  try {
    const actor = await requirePermission('case:transition');
    const items = form.getAll('item').map(String).map((s) => s.split(':').map(Number) as [number, number]);
    const parsed = bulkTransitionBodySchema.safeParse({
      ...fields(form),
      ids: items.map(([id]) => id),
      expectedRevisions: Object.fromEntries(items.map(([id, rev]) => [String(id), rev])),
    });
    if (!parsed.success) throw parsed.error;
    const db = await getDb();
    const moved = await db.transaction((tx) =>
      transitionCases(tx, actor, parsed.data.ids.map((caseId) => ({ caseId, expectedRevision: parsed.data.expectedRevisions?.[String(caseId)] })), transitionRequestFrom(parsed.data)),
    );
    return { ok: true, data: { moved: moved.length } };
  } catch (err) {
    return transitionActionError(err);
  }
}
