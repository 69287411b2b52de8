/**
 * THE case filter contract (tablecn's validations.ts is the model): one zod schema that the case list
 * page, `GET /api/v1/cases`, the stats API and the dashboard parse the URL with, the nuqs parsers beside
 * it, and `caseListHref`, typed by it, that every link down to the case list is built with.
 * Client-safe: no database imports.
 */
import { createParser, createSerializer, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import { z } from 'zod';
import { caseStateEnum, platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { invalid } from '@/lib/http/errors';
import { MAX_DB_INT } from '@/lib/http/params';
import { isCalendarDate } from '@/lib/time';
import { LOCALES } from '@/lib/i18n/locales';
import { FLAGGED_FILTERS } from '@/lib/offenders/types';
import { campaignRefSchema, parseCampaignRef } from '@/lib/campaigns/ref';

/** How the case list can be ordered; each has a fixed direction and a keyset over (key, id). */
export const CASE_SORTS = ['opened', 'deadline', 'subject'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
/** Funnel steps a case has reached at some time (cumulative: a removed case also reached ordered and notified). */
export const REACHED_STEPS = ['ordered', 'notified', 'removed'] as const;
export const CASE_LIST_DEFAULT_LIMIT = 50;
export const CASE_LIST_MAX_LIMIT = 200;
export const CASE_SEARCH_MAX = 100;
/** `assignee=me` ("my cases"), `none` (nobody's yet), or a user id. */
export const ASSIGNEE_WORDS = ['me', 'none'] as const;
export const CASE_LIST_FORMATS = ['json', 'csv', 'xlsx'] as const;

const blank = (v: unknown) => (v === '' || v === null || (Array.isArray(v) && v.every((x) => x === '')) ? undefined : v);
const single = (v: unknown) => (Array.isArray(v) ? v[v.length - 1] : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => blank(single(v)), schema.optional());
const positiveId = (what: string) =>
  z.coerce.number({ error: `${what} is an id (a positive integer).` }).int(`${what} is an id (a positive integer).`).positive(`${what} is an id (a positive integer).`).max(MAX_DB_INT, 'Too large for this database (at most 2147483647).');
const code = (what: string, example: string) => z.string().trim().regex(/^[a-z0-9_]{1,64}$/, `${what} is a code such as "${example}".`);
const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) => z.enum(values, { error: `${name} is one of: ${values.join(', ')}.` });
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine(isCalendarDate, 'Not a calendar date.');

/** `state=ordered&state=notified` and `state=ordered,notified` both mean "either". */
const states = z.preprocess(
  (v) => {
    const list = (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).flatMap((x) => String(x).split(',')).map((s) => s.trim()).filter(Boolean);
    return list.length ? [...new Set(list)] : undefined;
  },
  z.array(oneOf('A state', caseStateEnum.enumValues)).optional(),
);

/**
 * Every filter, field by field. `from`/`to` select by inspection date (the dashboard's period);
 * `store` = the subject is listed on that store; `reached` = the case reached that funnel step at some time.
 */
export const caseFilterFields = {
  state: states,
  sector: optional(code('The sector', 'parking')),
  category: optional(code('The category', 'collect_excessive')),
  /** The campaign's id or its code. */
  campaign: optional(campaignRefSchema),
  overdue: optional(z.enum(['1', '0', 'true', 'false'], { error: 'overdue is 1 (only overdue cases) or 0.' }).transform((v) => v === '1' || v === 'true')),
  operator: optional(positiveId('The operator')),
  subject: optional(positiveId('The subject')),
  /** One search (lib/search): a case number, subject names (current and former), operator names, USCCs, identifiers. */
  q: optional(z.string().trim().max(CASE_SEARCH_MAX, `At most ${CASE_SEARCH_MAX} characters.`)),
  /** `confirmed`: only cases of subjects under a confirmed repeat-offender flag (their own, or their operator's). */
  flagged: optional(oneOf('flagged', FLAGGED_FILTERS)),
  kind: optional(oneOf('kind', subjectKindEnum.enumValues)),
  platform: optional(oneOf('platform', platformEnum.enumValues)),
  from: optional(isoDate),
  to: optional(isoDate),
  store: optional(code('The store', 'huawei')),
  reached: optional(oneOf('reached', REACHED_STEPS)),
};

/** `from` must not be after `to` (reported on `to`). */
export function refinePeriod(f: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '`from` must not be after `to`.' });
}

export const caseFiltersSchema = z.object(caseFilterFields).superRefine(refinePeriod);
export type CaseFilters = z.infer<typeof caseFiltersSchema>;

/** The case list's URL and `GET /api/v1/cases`: the filters, the sort, the page and the format. */
export const caseListSchema = z
  .object({
    ...caseFilterFields,
    sort: z.preprocess((v) => blank(single(v)), oneOf('sort', CASE_SORTS).default('opened')),
    cursor: optional(z.string().max(400, 'Not a cursor this list gave out.')),
    limit: z.preprocess(
      (v) => blank(single(v)),
      z.coerce
        .number({ error: `limit is a number from 1 to ${CASE_LIST_MAX_LIMIT}.` })
        .int('limit is a whole number.')
        .min(1, 'limit is at least 1.')
        .max(CASE_LIST_MAX_LIMIT, `limit is at most ${CASE_LIST_MAX_LIMIT}.`)
        .default(CASE_LIST_DEFAULT_LIMIT),
    ),
    /** Only the list's: "my cases" and the like (the stats do not split by assignee). */
    assignee: optional(z.union([z.enum(ASSIGNEE_WORDS), positiveId('The assignee')], { error: 'assignee is me, none or a user id.' })),
    format: optional(oneOf('format', CASE_LIST_FORMATS)),
    /** The language of an export's headers and values (default: the reader's UI language). */
    lang: optional(oneOf('lang', LOCALES)),
  })
  .superRefine(refinePeriod);
export type CaseListQuery = z.infer<typeof caseListSchema>;
/** The filters of the case list: the shared ones and its own `assignee`. */
export type CaseListFilters = CaseFilters & Pick<CaseListQuery, 'assignee'>;

/** `assignee=me` as the user's id; an API token is no user, so it must name one (400 naming `assignee`). */
export function resolveAssignee<F extends Pick<CaseListQuery, 'assignee'>>(filters: F, actor: { kind: 'user' | 'token'; id: number }): F {
  if (filters.assignee !== 'me') return filters;
  if (actor.kind !== 'user') throw invalid('Invalid query parameters.', { assignee: 'An API token is not a user: name the user id instead of me.' });
  return { ...filters, assignee: actor.id };
}

/** overdue travels as 1/0, as the form's select sends it. */
const parseAsOneZero = createParser({ parse: (v) => (v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null), serialize: (v: boolean) => (v ? '1' : '0') });

/** from/to in client components: only a calendar date (YYYY-MM-DD), like the schema; anything else is no filter. */
const parseAsIsoDate = createParser({ parse: (v) => (isoDate.safeParse(v).success ? v : null), serialize: (v: string) => v });

/** The nuqs parsers of the same fields (URL ⇄ values in client components, and the serializer below). */
export const caseFilterParsers = {
  state: parseAsNativeArrayOf(parseAsStringLiteral(caseStateEnum.enumValues)),
  sector: parseAsString,
  category: parseAsString,
  campaign: createParser({ parse: parseCampaignRef, serialize: (v: number | string) => String(v) }),
  overdue: parseAsOneZero,
  operator: parseAsInteger,
  subject: parseAsInteger,
  q: parseAsString,
  flagged: parseAsStringLiteral(FLAGGED_FILTERS),
  kind: parseAsStringLiteral(subjectKindEnum.enumValues),
  platform: parseAsStringLiteral(platformEnum.enumValues),
  from: parseAsIsoDate,
  to: parseAsIsoDate,
  store: parseAsString,
  reached: parseAsStringLiteral(REACHED_STEPS),
} satisfies Record<keyof CaseFilters, unknown>;

const listParsers = {
  ...caseFilterParsers,
  sort: parseAsStringLiteral(CASE_SORTS).withDefault('opened'),
  cursor: parseAsString,
  limit: parseAsInteger.withDefault(CASE_LIST_DEFAULT_LIMIT),
  format: parseAsStringLiteral(CASE_LIST_FORMATS),
  assignee: createParser<string | number>({ parse: (v) => (/^\d+$/.test(v) ? Number(v) : v), serialize: (v) => String(v) }),
  lang: parseAsStringLiteral(LOCALES),
};
const serialize = createSerializer(listParsers, { clearOnDefault: true });

export type CaseListLinkQuery = Partial<CaseListQuery>;

/**
 * Query strings already built, by their values (issue #18: the dashboard builds one link per figure, 100+
 * a page, most the same on every request). A pure function's results, so never stale; bounded.
 */
const searches = new Map<string, string>();
const SEARCHES_KEPT = 2000;

/**
 * The key of a set of values: their JSON, which tells 1 from '1' and drops what is undefined (as the
 * query string does); equal values listed in another order only miss each other's entry. JSON cannot
 * tell null from NaN, so a key holding a null is not kept.
 */
export function memoKey(values: unknown): string | null {
  const key = JSON.stringify(values);
  return key.includes('null') ? null : key;
}

/** `make()` kept under `key` (null: not kept) in `memo`, which holds at most `max` (emptied when full). */
export function memoized(memo: Map<string, string>, max: number, key: string | null, make: () => string): string {
  if (key === null) return make();
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** The query string (`?…`, or '') of a filter set, the sort and the page. */
export function caseListSearch(q: CaseListLinkQuery): string {
  return memoized(searches, SEARCHES_KEPT, memoKey(q), () => {
    const values = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)));
    return serialize(values as never);
  });
}

/** The case list (`/cases`) showing exactly the cases these filters select. */
export function caseListHref(q: CaseListLinkQuery = {}): string {
  return `/cases${caseListSearch(q)}`;
}
