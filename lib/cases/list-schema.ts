import { z } from 'zod';
import { caseStateEnum } from '@/db/schema/enums';
import { invalid } from '@/lib/http/errors';
import { LOCALES } from '@/lib/i18n/locales';
import { MAX_DB_INT } from '@/lib/http/params';
import { FLAGGED_FILTERS } from '@/lib/offenders/types';

/** How the case list can be ordered; each has a fixed direction and a keyset over (key, id). */
export const CASE_SORTS = ['opened', 'deadline', 'subject'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const blank = (v: unknown) => (v === '' || (Array.isArray(v) && v.every((x) => x === '')) ? undefined : v);
const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => blank(single(v)), schema.optional());
const positiveId = (what: string) => z.coerce.number({ error: `${what} is an id (a positive integer).` }).int(`${what} is an id (a positive integer).`).positive(`${what} is an id (a positive integer).`).max(MAX_DB_INT, 'Too large for this database (at most 2147483647).');
const code = (what: string) => z.string().trim().regex(/^[a-z0-9_]{1,64}$/, `${what} is a code such as "parking".`);

export const ASSIGNEE_WORDS = ['me', 'none'] as const;
export const CASE_LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;

/** `state=ordered&state=notified` and `state=ordered,notified` both mean "either". */
const states = z.preprocess(
  (v) => {
    const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).flatMap((x) => String(x).split(',')).map((s) => s.trim()).filter(Boolean);
    return list.length ? [...new Set(list)] : undefined;
  },
  z.array(z.enum(caseStateEnum.enumValues, { error: `A state is one of: ${caseStateEnum.enumValues.join(', ')}.` })).optional(),
);

/**
 * THE case-list filters: parsed from the URL of /cases (on the server), of /queue's links, and of
 * GET /api/v1/cases (JSON and CSV). Blank values mean "no filter", so a plain GET form works.
 */
export const caseListSchema = z.object({
  state: states,
  sector: optional(code('The sector')),
  category: optional(code('The category')),
  campaign: optional(positiveId('The campaign')),
  overdue: optional(z.enum(['1', '0', 'true', 'false'], { error: 'overdue is 1 (only overdue cases) or 0.' }).transform((v) => v === '1' || v === 'true')),
  operator: optional(positiveId('The operator')),
  subject: optional(positiveId('The subject')),
  q: optional(z.string().trim().max(100, 'At most 100 characters.')),
  /** `me` (the signed-in user's cases: "my cases"), `none` (nobody's yet) or a user id. */
  assignee: optional(z.union([z.enum(ASSIGNEE_WORDS), positiveId('The assignee')], { error: 'assignee is me, none or a user id.' })),
  /** `confirmed`: only cases of subjects under a confirmed repeat-offender flag (their own, or their operator's). */
  flagged: optional(z.enum(FLAGGED_FILTERS, { error: `flagged is one of: ${FLAGGED_FILTERS.join(', ')}.` })),
  sort: z.preprocess((v) => blank(single(v)), z.enum(CASE_SORTS, { error: `sort is one of: ${CASE_SORTS.join(', ')}.` }).default('opened')),
  cursor: optional(z.string().max(400, 'Not a cursor this list gave out.')),
  limit: z.preprocess((v) => blank(single(v)), z.coerce.number({ error: 'limit is a number from 1 to 200.' }).int('limit is a whole number.').min(1, 'limit is at least 1.').max(200, 'limit is at most 200.').default(50)),
  /** The language of an export's headers and values (default: the reader's UI language). */
  lang: optional(z.enum(LOCALES, { error: `lang is one of: ${LOCALES.join(', ')}.` })),
  format: optional(z.enum(CASE_LIST_FORMATS, { error: `format is one of: ${CASE_LIST_FORMATS.join(', ')}.` })),
});

export type CaseListQuery = z.infer<typeof caseListSchema>;
export type CaseListFilters = Omit<CaseListQuery, 'cursor' | 'limit' | 'format' | 'lang'>;

/** `assignee=me` as the user's id; an API token is no user, so it must name one (400 naming `assignee`). */
export function resolveAssignee<F extends Pick<CaseListFilters, 'assignee'>>(filters: F, actor: { kind: 'user' | 'token'; id: number }): F {
  if (filters.assignee !== 'me') return filters;
  if (actor.kind !== 'user') throw invalid('Invalid query parameters.', { assignee: 'An API token is not a user: name the user id instead of me.' });
  return { ...filters, assignee: actor.id };
}

/** The URL query of a filter set (for links: next page, CSV export, the queue's "see all"). */
export function caseListSearch(f: Partial<CaseListQuery>): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'sort' && value === 'opened') continue;
    if (key === 'limit' && value === 50) continue;
    if (Array.isArray(value)) value.forEach((v) => p.append(key, String(v)));
    else if (typeof value === 'boolean') p.set(key, value ? '1' : '0');
    else p.set(key, String(value));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}
