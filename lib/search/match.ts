/**
 * THE matching rule of the one search (DESIGN §6 `GET /api/v1/search`), shared by the search API and
 * the text filter of the case, subject and operator lists. Each part and the index that serves it:
 * - a case number `#1024` or `1024`: `cases` primary key;
 * - a subject's current name: `subjects_name_trgm` (GIN pg_trgm, Chinese too), former names:
 *   `subject_names_name_trgm`;
 * - an identifier by its normalised value (an exact appid, package name, bundle id, the filing number's
 *   root, a certificate fingerprint with or without colons): `subject_identifiers_match_idx`
 *   (type, match_value); any part of an identifier as written: `subject_identifiers_value_trgm`;
 * - an operator's name: `operators_name_trgm`; any part of its USCC (any case): `operators_uscc_trgm`.
 * Substring matches use the trigram indexes, which narrow the search from 3 characters on; a 1–2
 * character text still works, but PostgreSQL then reads the whole trigram index (see lib/search/README.md).
 */
import { sql, type SQL } from 'drizzle-orm';
import { IDENTIFIER_TYPES, identifierMatchValue } from '@/lib/domain/identifiers';
import { MAX_DB_INT } from '@/lib/http/params';
import { containsPattern } from '@/lib/registry/like';

/** The case number a query names (`#1024`, `1024`, `＃1024`), or null. */
export function caseNumberOf(q: string): number | null {
  const m = /^[#＃]?\s*(\d{1,10})$/.exec(q.normalize('NFKC').trim());
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_DB_INT ? n : null;
}

/** `(type, match_value)` pairs a query would have as an identifier of each type. */
export function identifierPairs(q: string): SQL {
  const pairs = IDENTIFIER_TYPES.map((t) => sql`(${t}::identifier_type, ${identifierMatchValue(t, q)})`);
  return sql.join(pairs, sql`, `);
}

/** Ids of subjects whose identifier matches `q` (exactly by its normalised value, or any part as written). */
export function identifierSubjectIdsSql(q: string): SQL {
  return sql`SELECT subject_id FROM subject_identifiers WHERE (type, match_value) IN (${identifierPairs(q)}) OR value ILIKE ${containsPattern(q)}`;
}

/** Ids of subjects whose current or any former name contains `q`. */
export function namedSubjectIdsSql(q: string): SQL {
  const p = containsPattern(q);
  return sql`SELECT id FROM subjects WHERE name ILIKE ${p} UNION SELECT subject_id FROM subject_names WHERE name ILIKE ${p}`;
}

/** Ids of operators whose name or USCC contains `q` (any case). */
export function operatorIdsSql(q: string): SQL {
  const p = containsPattern(q);
  return sql`SELECT id FROM operators WHERE name ILIKE ${p} OR uscc ILIKE ${p}`;
}

/** Subjects (`subjects` in scope) matching `q` by current or former name or by any identifier. */
export function subjectMatchSql(q: string): SQL {
  return sql`(subjects.id IN (${namedSubjectIdsSql(q)}) OR subjects.id IN (${identifierSubjectIdsSql(q)}))`;
}

/** Operators (`operators` in scope) matching `q` by name or USCC. */
export function operatorMatchSql(q: string): SQL {
  return sql`operators.id IN (${operatorIdsSql(q)})`;
}

/**
 * Cases (`cases` and `subjects` in scope) that the one search finds for `q`: by case number, by their
 * subject (names, identifiers) or by their subject's operator (name, USCC).
 */
export function caseSearchSql(q: string): SQL {
  const n = caseNumberOf(q);
  return sql`(${n !== null ? sql`cases.id = ${n} OR ` : sql``}cases.subject_id IN (${namedSubjectIdsSql(q)})
    OR cases.subject_id IN (${identifierSubjectIdsSql(q)})
    OR subjects.operator_id IN (${operatorIdsSql(q)}))`;
}
