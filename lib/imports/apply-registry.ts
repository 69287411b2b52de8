import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '@/db/client';

/** The set-based statements of one apply, for one job (the id is an integer, inlined). */
export interface ApplyScope {
  tx: Tx;
  job: SQL;
  userId: SQL;
  tokenId: SQL;
}

export async function countOf(tx: Tx, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, query);
  return Number(row?.n ?? 0);
}

/** Operators by USCC: created when new (name and region code of the first row naming them), else matched. */
export function createOperators({ tx, job }: ApplyScope): Promise<number> {
  return countOf(tx, sql`WITH ins AS (
      INSERT INTO operators (name, uscc, region_code)
      SELECT DISTINCT ON (operator_uscc) operator_name, operator_uscc, region
        FROM import_staging WHERE job_id = ${job} ORDER BY operator_uscc, line
      ON CONFLICT (uscc) DO NOTHING RETURNING 1)
    SELECT count(*) AS n FROM ins`);
}

/**
 * Subjects: one per (platform, key identifier) of the file, described by its first row. A subject
 * is matched when a stored subject on the same platform carries that identifier (its normalised
 * match value, as the registry stores it); else it is created with ids drawn from the identity
 * sequence, so names, identifiers and listings follow in set-based statements. Identifiers and store
 * listings of the first row are added to matched subjects too (never removed or changed).
 */
export async function resolveSubjects({ tx, job, userId }: ApplyScope): Promise<number> {
  await tx.execute(sql`CREATE TEMP TABLE imp_subjects ON COMMIT DROP AS
    SELECT DISTINCT ON (platform, key_type, key_value)
      platform, key_type, key_value, subject_kind, subject_name, sector, operator_uscc, package_name, bundle_id,
      mini_program_appid, filing_number, filing_root, cert_sha256, store, version, inspected_on,
      NULL::int AS subject_id, false AS is_new
    FROM import_staging WHERE job_id = ${job} ORDER BY platform, key_type, key_value, line`);
  await tx.execute(sql`ANALYZE imp_subjects`);
  await tx.execute(sql`UPDATE imp_subjects t SET subject_id = m.id
    FROM (SELECT x.platform, x.key_type, x.key_value, min(s.id) AS id
            FROM imp_subjects x
            JOIN subject_identifiers si ON si.type = x.key_type::identifier_type AND si.match_value = x.key_value
            JOIN subjects s ON s.id = si.subject_id AND s.platform = x.platform::platform
           GROUP BY 1, 2, 3) m
    WHERE m.platform = t.platform AND m.key_type = t.key_type AND m.key_value = t.key_value`);
  await tx.execute(sql`UPDATE imp_subjects SET subject_id = nextval(pg_get_serial_sequence('subjects', 'id')), is_new = true
    WHERE subject_id IS NULL`);
  const created = await countOf(tx, sql`WITH ins AS (
      INSERT INTO subjects (id, kind, platform, name, sector, operator_id, created_by) OVERRIDING SYSTEM VALUE
      SELECT t.subject_id, t.subject_kind::subject_kind, t.platform::platform, t.subject_name, t.sector, o.id, ${userId}
        FROM imp_subjects t JOIN operators o ON o.uscc = t.operator_uscc
       WHERE t.is_new ORDER BY t.subject_id RETURNING 1)
    SELECT count(*) AS n FROM ins`);
  await tx.execute(sql`INSERT INTO subject_names (subject_id, name) SELECT subject_id, subject_name FROM imp_subjects WHERE is_new ORDER BY subject_id`);
  // A new subject's rows cannot conflict (one row of imp_subjects each, one identifier per type): they are
  // inserted plainly, a quarter faster than through ON CONFLICT; a matched subject's skip what it has.
  const identifiers = (subjects: SQL) => sql`INSERT INTO subject_identifiers (subject_id, type, value, match_value)
    SELECT t.subject_id, x.type::identifier_type, x.value, x.match
      FROM imp_subjects t
      CROSS JOIN LATERAL (VALUES ('package_name', t.package_name, t.package_name), ('bundle_id', t.bundle_id, t.bundle_id),
        ('mini_program_appid', t.mini_program_appid, t.mini_program_appid), ('filing_number', t.filing_number, t.filing_root),
        ('cert_sha256', t.cert_sha256, t.cert_sha256)) AS x(type, value, match)
     WHERE x.value <> '' AND ${subjects}`;
  const listings = (subjects: SQL) => sql`INSERT INTO store_listings (subject_id, store, version_seen, seen_on)
    SELECT t.subject_id, t.store, t.version, t.inspected_on FROM imp_subjects t WHERE t.store <> '' AND ${subjects}`;
  await tx.execute(identifiers(sql`t.is_new`));
  await tx.execute(sql`${identifiers(sql`NOT t.is_new`)} ON CONFLICT (subject_id, type, match_value) DO NOTHING`);
  await tx.execute(listings(sql`t.is_new`));
  await tx.execute(sql`${listings(sql`NOT t.is_new`)} ON CONFLICT (subject_id, store) DO NOTHING`);
  return created;
}

/** Every subject and operator the file names (created or matched), for the offender-flag refresh: one query each. */
export function touchedScope({ job }: ApplyScope): { subjects: SQL; operators: SQL } {
  return {
    subjects: sql`SELECT subject_id FROM imp_subjects`,
    operators: sql`SELECT o.id FROM operators o WHERE o.uscc IN (SELECT operator_uscc FROM import_staging WHERE job_id = ${job})`,
  };
}
