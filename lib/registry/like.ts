/** A user's search text as an ILIKE '%…%' pattern, with the LIKE wildcards in it taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
