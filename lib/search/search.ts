/**
 * The one search (DESIGN §6): cases by number, operators by name or USCC, subjects by current or former
 * name or any identifier (lib/search/match.ts, which names the index behind each part). Results come
 * typed, cases first, then operators, then subjects, each by id, and page with a keyset cursor
 * (`type.id` of the last item): nothing is cut silently.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { containsPattern } from '@/lib/registry/like';
import { caseNumberOf, identifierPairs, identifierSubjectIdsSql, namedSubjectIdsSql, operatorIdsSql } from './match';
import { SEARCH_TYPES, type SearchHit, type SearchQuery, type SearchResult } from './schemas';

type SearchType = (typeof SEARCH_TYPES)[number];
interface Row { id: number; label: string; field: SearchHit['matched']['field']; value: string }

/** The id a page of `type` starts after, or null when the cursor is past this type (skip it). */
function startAfter(type: SearchType, cursor: string | undefined): number | null {
  if (!cursor) return 0;
  const [t, id] = cursor.split('.') as [SearchType, string];
  const order = SEARCH_TYPES.indexOf(type) - SEARCH_TYPES.indexOf(t);
  return order < 0 ? null : order === 0 ? Number(id) : 0;
}

function casesSql(q: string, after: number, n: number): SQL | null {
  const num = caseNumberOf(q);
  if (num === null || num <= after) return null;
  return sql`SELECT c.id, '#' || c.id || ' ' || s.name AS label, 'case_number' AS field, '#' || c.id AS value
    FROM cases c JOIN subjects s ON s.id = c.subject_id WHERE c.id = ${num} LIMIT ${n}`;
}

function operatorsSql(q: string, after: number, n: number): SQL {
  const p = containsPattern(q);
  return sql`SELECT o.id, o.name AS label,
      CASE WHEN o.name ILIKE ${p} THEN 'operator_name' ELSE 'uscc' END AS field,
      CASE WHEN o.name ILIKE ${p} THEN o.name ELSE o.uscc END AS value
    FROM operators o WHERE o.id IN (${operatorIdsSql(q)}) AND o.id > ${after} ORDER BY o.id LIMIT ${n}`;
}

function subjectsSql(q: string, after: number, n: number): SQL {
  const p = containsPattern(q);
  return sql`SELECT s.id, s.name AS label, m.field, m.value FROM subjects s
    CROSS JOIN LATERAL (
      SELECT 'name' AS field, s.name AS value, 1 AS k WHERE s.name ILIKE ${p}
      UNION ALL SELECT 'former_name', sn.name, 2 FROM subject_names sn WHERE sn.subject_id = s.id AND sn.valid_to IS NOT NULL AND sn.name ILIKE ${p}
      UNION ALL SELECT si.type::text, si.value, 3 FROM subject_identifiers si
        WHERE si.subject_id = s.id AND ((si.type, si.match_value) IN (${identifierPairs(q)}) OR si.value ILIKE ${p})
      ORDER BY k LIMIT 1) m
    WHERE (s.id IN (${namedSubjectIdsSql(q)}) OR s.id IN (${identifierSubjectIdsSql(q)})) AND s.id > ${after}
    ORDER BY s.id LIMIT ${n}`;
}

export async function search(db: Queryable, query: SearchQuery): Promise<SearchResult> {
  const want = query.limit + 1;
  const items: SearchHit[] = [];
  for (const type of SEARCH_TYPES) {
    const after = startAfter(type, query.cursor);
    if (after === null) continue;
    const left = want - items.length;
    if (left <= 0) break;
    const statement = type === 'case' ? casesSql(query.q, after, left) : type === 'operator' ? operatorsSql(query.q, after, left) : subjectsSql(query.q, after, left);
    if (!statement) continue;
    const rows = await queryRows<Row>(db, statement);
    for (const r of rows) items.push({ type, id: Number(r.id), label: r.label, matched: { field: r.field, value: r.value } });
  }
  const more = items.length > query.limit;
  const page = more ? items.slice(0, query.limit) : items;
  const last = page[page.length - 1];
  return { items: page, nextCursor: more && last ? `${last.type}.${last.id}` : null };
}
