import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { previousFixedCaseSql } from '@/lib/cases/recurrence';
import { countOf, type ApplyScope } from './apply-registry';

/**
 * Inspections: rows sharing (source, inspection_key) form one — its subject, version, date and
 * campaign from the group's first new row. Only groups with at least one finding not stored yet are
 * considered; a group whose (source, external_ref) is stored is matched, else created.
 */
export async function resolveInspections({ tx, job, userId, tokenId }: ApplyScope): Promise<number> {
  await tx.execute(sql`CREATE TEMP TABLE imp_inspections ON COMMIT DROP AS
    SELECT DISTINCT ON (st.source, st.inspection_key)
      st.source, st.inspection_key AS ref, t.subject_id, t.is_new AS subject_is_new, st.version, st.inspected_on,
      c.id AS campaign_id, NULL::int AS inspection_id, false AS is_new
    FROM import_staging st
    JOIN imp_subjects t ON t.platform = st.platform AND t.key_type = st.key_type AND t.key_value = st.key_value
    LEFT JOIN campaigns c ON c.code = st.campaign
    WHERE st.job_id = ${job}
      AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.source = st.source AND f.external_id = st.external_id)
    ORDER BY st.source, st.inspection_key, st.line`);
  await tx.execute(sql`ANALYZE imp_inspections`);
  await tx.execute(sql`UPDATE imp_inspections t SET inspection_id = i.id
    FROM inspections i WHERE i.source = t.source AND i.external_ref = t.ref`);
  await tx.execute(sql`UPDATE imp_inspections SET inspection_id = nextval(pg_get_serial_sequence('inspections', 'id')), is_new = true
    WHERE inspection_id IS NULL`);
  return countOf(tx, sql`WITH ins AS (
      INSERT INTO inspections (id, subject_id, version, inspected_on, method, campaign_id, inspector_id, token_id, source, external_ref)
      OVERRIDING SYSTEM VALUE
      SELECT inspection_id, subject_id, version, inspected_on, 'technical_test', campaign_id, ${userId}, ${tokenId}, source, ref
        FROM imp_inspections WHERE is_new ORDER BY inspection_id RETURNING 1)
    SELECT count(*) AS n FROM ins`);
}

/** Evidence named by SHA-256 that is not stored yet is recorded by its hash (and URL), without bytes. */
export async function referenceEvidence({ tx, job, userId }: ApplyScope): Promise<void> {
  await tx.execute(sql`INSERT INTO evidence (sha256, byte_size, media_type, source_url, uploaded_by)
    SELECT DISTINCT ON (evidence_sha256) evidence_sha256, 0, 'application/octet-stream', NULLIF(evidence_url, ''), ${userId}
      FROM import_staging WHERE job_id = ${job} AND evidence_sha256 <> '' ORDER BY evidence_sha256, line
    ON CONFLICT (sha256) DO NOTHING`);
}

/** Findings by (source, external_id): a stored one is "known"; new ones link their evidence. */
export async function createFindings({ tx, job }: ApplyScope): Promise<number> {
  // Findings with a larger id are this import's (imports run one at a time: apply.ts takes a lock).
  const [before] = await queryRows<{ id: number | null }>(tx, sql`SELECT max(id) AS id FROM findings`);
  const created = await countOf(tx, sql`WITH ins AS (
      INSERT INTO findings (inspection_id, category, severity, description, legal_basis, detected_at, source, external_id)
      SELECT DISTINCT ON (st.source, st.external_id)
        ti.inspection_id, st.category, st.severity::severity, st.description, vc.legal_basis_zh, st.detected_at, st.source, st.external_id
        FROM import_staging st
        JOIN imp_inspections ti ON ti.source = st.source AND ti.ref = st.inspection_key
        JOIN violation_categories vc ON vc.code = st.category
       WHERE st.job_id = ${job}
       ORDER BY st.source, st.external_id, st.line
      ON CONFLICT (source, external_id) DO NOTHING
      RETURNING 1)
    SELECT count(*) AS n FROM ins`);
  await tx.execute(sql`INSERT INTO finding_evidence (finding_id, sha256)
    SELECT DISTINCT f.id, st.evidence_sha256
      FROM import_staging st JOIN findings f ON f.source = st.source AND f.external_id = st.external_id
     WHERE st.job_id = ${job} AND st.evidence_sha256 <> '' AND f.id > ${sql.raw(String(Number(before?.id ?? 0)))}
    ON CONFLICT DO NOTHING`);
  return created;
}

/**
 * One open case per new inspection, with its first event, linked like openCaseForInspection to the
 * latest case of the subject closed as fixed that shared a category (a recurrence; never reopened).
 */
export function openCases({ tx, userId, tokenId }: ApplyScope): Promise<number> {
  return countOf(tx, sql`WITH opened AS (
      INSERT INTO cases (subject_id, inspection_id, found_version, previous_case_id)
      SELECT ti.subject_id, ti.inspection_id, ti.version, prev.id
        FROM imp_inspections ti
        LEFT JOIN LATERAL (${previousFixedCaseSql(sql`ti.subject_id`, sql`ti.inspection_id`)}) prev ON NOT ti.subject_is_new
       WHERE ti.is_new ORDER BY ti.inspection_id
      ON CONFLICT (inspection_id) DO NOTHING
      RETURNING id, previous_case_id),
    events AS (
      INSERT INTO case_events (case_id, from_state, to_state, actor_user_id, actor_token_id, reason, revision, at)
      SELECT id, NULL, 'open', ${userId}, ${tokenId},
             CASE WHEN previous_case_id IS NULL THEN '' ELSE 'Recurrence of case ' || previous_case_id END, 1, now()
        FROM opened RETURNING 1)
    SELECT (SELECT count(*) FROM opened) AS n, (SELECT count(*) FROM events) AS e`);
}
