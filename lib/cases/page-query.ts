import type { z } from 'zod';

/** Next's searchParams as readSearchParams would see them. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Parses a page's URL with a list schema like the API does, but a page does not fail on a bad
 * filter: the bad ones are dropped (and named, for a notice) and the rest still applies.
 */
export function parsePageQuery<S extends z.ZodType>(schema: S, raw: RawSearchParams): { query: z.infer<S>; badFields: string[] } {
  const input: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) input[k] = v;
  const first = schema.safeParse(input);
  if (first.success) return { query: first.data, badFields: [] };
  const badFields = [...new Set(first.error.issues.map((i) => String(i.path[0] ?? '')))].filter(Boolean);
  for (const f of badFields) delete input[f];
  const second = schema.safeParse(input);
  return { query: second.success ? second.data : schema.parse({}), badFields };
}
