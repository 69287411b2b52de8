'use server';

import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { parseStores } from '@/lib/cases/forms';
import { bulkTransitionBodySchema, transitionBodySchema, transitionRequestFrom } from '@/lib/cases/schemas';
import { transitionCase, transitionCases } from '@/lib/cases/transition';
import { transitionActionError } from '@/lib/cases/refusal-text';
import type { ActionResult } from '@/lib/http/action';
import { conflict, invalid } from '@/lib/http/errors';
import type { Actor } from '@/lib/auth/actor';
import { bulkFiltersFrom, matchingCaseIds } from '@/lib/cases/bulk-matching';

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

/**
 * Many cases from the list, all or nothing; every refused case is named with its reason. With
 * `all=1` the form names the list's filters (`filter`, its query string) instead of cases: every
 * matching case moves, up to MAX_BULK_CASES (more: 400 naming the limit), chosen in the same
 * transaction; if the count differs from `expectedCount`, what the user confirmed, nothing moves (409).
 */
export async function bulkTransitionAction(_prev: ActionResult<{ moved: number }> | null, form: FormData): Promise<ActionResult<{ moved: number }>> {
  try {
    const actor = await requirePermission('case:transition');
    if (form.get('all') === '1') return { ok: true, data: { moved: await transitionAllMatching(actor, form) } };
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

async function transitionAllMatching(actor: Actor, form: FormData): Promise<number> {
  const filters = bulkFiltersFrom(String(form.get('filter') ?? ''), actor);
  const expected = Number(form.get('expectedCount'));
  const parsed = bulkTransitionBodySchema.omit({ ids: true, expectedRevisions: true }).safeParse(fields(form));
  if (!parsed.success) throw parsed.error;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = await matchingCaseIds(tx, filters);
    if (!ids.length) throw invalid('No case matches these filters.', { ids: 'Name at least one case.' });
    if (ids.length !== expected) {
      throw conflict(`${ids.length.toLocaleString('en')} cases match now, not the ${expected.toLocaleString('en')} you chose: nothing was changed; reload the list.`, {
        expectedCount: `${ids.length.toLocaleString('en')} cases match now.`,
      }).because('bulk_changed');
    }
    const moved = await transitionCases(tx, actor, ids.map((caseId) => ({ caseId })), transitionRequestFrom({ ...parsed.data, ids }));
    return moved.length;
  });
}
