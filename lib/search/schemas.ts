import { z } from 'zod';
import { IDENTIFIER_TYPES } from '@/lib/domain/identifiers';
import { MAX_DB_INT } from '@/lib/http/params';

export const SEARCH_TYPES = ['case', 'operator', 'subject'] as const;
export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_DEFAULT_LIMIT = 10;
export const SEARCH_MAX_QUERY = 100;

/** `GET /api/v1/search`: the text, the page size (at most 50) and the cursor of the next page. */
export const searchQuerySchema = z.object({
  q: z
    .string({ error: 'q is the text to search for.' })
    .trim()
    .min(1, 'q is the text to search for.')
    .max(SEARCH_MAX_QUERY, `q is at most ${SEARCH_MAX_QUERY} characters.`),
  limit: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ error: `limit is a number from 1 to ${SEARCH_MAX_LIMIT}.` })
      .int('limit is a whole number.')
      .min(1, 'limit is at least 1.')
      .max(SEARCH_MAX_LIMIT, `limit is at most ${SEARCH_MAX_LIMIT}.`)
      .default(SEARCH_DEFAULT_LIMIT),
  ),
  // The id after the dot is compared with integer ids: one past Postgres's integer was an error there.
  cursor: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^(case|operator|subject)\.\d{1,10}$/, 'Use the nextCursor of the previous page.')
      .refine((c) => Number(c.split('.')[1]) <= MAX_DB_INT, 'Use the nextCursor of the previous page.')
      .optional(),
  ),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** What matched: the case number, a (former) name, an operator's name or USCC, or an identifier by its type. */
export const SEARCH_FIELDS = ['case_number', 'name', 'former_name', 'operator_name', 'uscc', ...IDENTIFIER_TYPES] as const;

export const searchHitSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.number().int(),
  label: z.string(),
  matched: z.object({ field: z.enum(SEARCH_FIELDS), value: z.string() }),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchHitSchema),
  /** The cursor of the next page; null when every match has been given. */
  nextCursor: z.string().nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
