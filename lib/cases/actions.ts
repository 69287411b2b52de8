'use server';

import { z } from 'zod';
import { defineAction, formText, idInput } from '@/lib/actions/define';
import { conflict, invalid } from '@/lib/http/errors';
import { bulkFiltersFrom, matchingCaseIds, matchingStatesUpTo } from './bulk-matching';
import { directTargets, type CaseState } from './ladder';
import { parseStores } from './forms';
import { transitionActionError } from './refusal-text';
import { bulkTransitionBodySchema, MAX_BULK_CASES, transitionBodySchema, transitionRequestFrom } from './schemas';
import { transitionCases as moveCases, transitionCase as moveCase } from './transition';

function fields(form: FormData) {
  const stores = formText(form, 'takedownStores');
  return {
    to: formText(form, 'to'),
    reason: formText(form, 'reason'),
    deadline: formText(form, 'deadline'),
    version: formText(form, 'version'),
    takedownStores: stores ? parseStores(stores) : undefined,
  };
}

/** One case, from the case page's forms, at the revision the page was rendered at (stale: 409); POST /api/v1/cases/{id}/transitions's schema. */
export const transitionCase = defineAction({
  name: 'transitionCase',
  permission: 'case:transition',
  target: { caseId: idInput },
  schema: transitionBodySchema,
  fromForm: (form) => ({ ...fields(form), caseId: form.get('caseId'), expectedRevision: Number(form.get('expectedRevision')) }),
  refusal: transitionActionError,
  run: async ({ actor, input, tx }) => {
    const updated = await moveCase(tx, actor, input.caseId, input.expectedRevision, transitionRequestFrom(input));
    return { state: updated.state as string };
  },
});

const bulkOfFilter = bulkTransitionBodySchema.omit({ ids: true, expectedRevisions: true }).extend({
  filter: z.string().max(4000, 'At most 4,000 characters.').default(''),
  expectedCount: z.coerce.number().int().min(0),
});

/** Many named cases from the list, all or nothing; every refused case is named with its reason (POST /api/v1/cases/transitions's schema). */
export const transitionCases = defineAction({
  name: 'transitionCases',
  permission: 'case:transition',
  schema: bulkTransitionBodySchema,
  fromForm: (form) => {
    const items = form.getAll('item').map(String).map((s) => s.split(':').map(Number) as [number, number]);
    return { ...fields(form), ids: items.map(([id]) => id), expectedRevisions: Object.fromEntries(items.map(([id, rev]) => [String(id), rev])) };
  },
  refusal: transitionActionError,
  run: async ({ actor, input, tx }) => {
    const moved = await moveCases(tx, actor, input.ids.map((caseId) => ({ caseId, expectedRevision: input.expectedRevisions?.[String(caseId)] })), transitionRequestFrom(input));
    return { moved: moved.length };
  },
});

/**
 * Every case the list's filters match (`filter`, its query string), up to MAX_BULK_CASES (more: 400
 * naming the limit), chosen in the same transaction; if the count differs from `expectedCount`, what
 * the user confirmed, nothing moves (409).
 */
export const transitionMatchingCases = defineAction({
  name: 'transitionMatchingCases',
  permission: 'case:transition',
  schema: bulkOfFilter,
  fromForm: (form) => ({ ...fields(form), filter: String(form.get('filter') ?? ''), expectedCount: form.get('expectedCount') }),
  refusal: transitionActionError,
  run: async ({ actor, input, tx }) => {
    const ids = await matchingCaseIds(tx, bulkFiltersFrom(input.filter, actor));
    if (!ids.length) throw invalid('No case matches these filters.', { ids: 'Name at least one case.' });
    if (ids.length !== input.expectedCount) {
      throw conflict(`${ids.length.toLocaleString('en')} cases match now, not the ${input.expectedCount.toLocaleString('en')} you chose: nothing was changed; reload the list.`, {
        expectedCount: `${ids.length.toLocaleString('en')} cases match now.`,
      }).because('bulk_changed');
    }
    const moved = await moveCases(tx, actor, ids.map((caseId) => ({ caseId })), transitionRequestFrom({ ...input, ids }));
    return { moved: moved.length };
  },
});

const listFilter = z.object({ filter: z.string().max(4000, 'At most 4,000 characters.').default('') });

/**
 * "Select all N matching": how many cases the list's filters (`filter`, its query string) match, up to
 * MAX_BULK_CASES + 1 (enough to say "more than the limit"), and what each of their states may become
 * for this user. Asked for only when a user selects the whole page, not counted on every render of the
 * list (issue #18). A read: no transaction (`'own'`: the database itself).
 */
export const countMatchingCases = defineAction({
  name: 'countMatchingCases',
  permission: 'case:transition',
  schema: listFilter,
  transaction: 'own',
  run: async ({ actor, input, db }) => {
    const matched = await matchingStatesUpTo(db, bulkFiltersFrom(input.filter, actor));
    return { count: matched.count, limit: MAX_BULK_CASES, targets: Object.fromEntries(matched.states.map((s) => [s, directTargets(s, actor.role)])) as Partial<Record<CaseState, CaseState[]>> };
  },
});
