import { sql } from 'drizzle-orm';
import { queryRows, type Queryable, type Tx } from '@/db/client';
import { subjectLinks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { refreshOffenderFlags } from '@/lib/offenders/refresh';
import { unprocessable } from '@/lib/http/errors';
import { getSubjectOrThrow } from '@/lib/registry/subject-detail';
import { officeDateSql } from '@/lib/time';

export type LinkVerdict = 'same' | 'dismissed';

/**
 * An inspector's verdict on a "probably the same as" candidate, stored once per unordered pair:
 * linked as the same subject, or dismissed. Deciding again replaces the verdict; both are audited.
 */
export async function decideLink(tx: Tx, actor: Actor, subjectId: number, input: { otherSubjectId: number; verdict: LinkVerdict; reason?: string }) {
  if (input.otherSubjectId === subjectId) throw unprocessable('A subject cannot be linked to itself.', { otherSubjectId: 'Choose another subject.' });
  await getSubjectOrThrow(tx, subjectId);
  await getSubjectOrThrow(tx, input.otherSubjectId);
  const [a, b] = subjectId < input.otherSubjectId ? [subjectId, input.otherSubjectId] : [input.otherSubjectId, subjectId];
  const values = { subjectId: a, otherSubjectId: b, verdict: input.verdict, reason: input.reason ?? '', decidedBy: actor.kind === 'user' ? actor.id : null };
  const [row] = await tx
    .insert(subjectLinks)
    .values(values)
    .onConflictDoUpdate({ target: [subjectLinks.subjectId, subjectLinks.otherSubjectId], set: { verdict: values.verdict, reason: values.reason, decidedBy: values.decidedBy, decidedAt: sql`now()` } })
    .returning();
  await recordAudit(tx, actor, {
    action: input.verdict === 'same' ? 'subject.link_same' : 'subject.dismiss_match',
    entityType: 'subject',
    entityId: subjectId,
    after: { otherSubjectId: input.otherSubjectId, verdict: input.verdict, reason: values.reason },
  });
  await refreshOffenderFlags(tx, { subjectIds: [a, b] });
  return row!;
}

export interface LinkedSubject {
  otherId: number;
  otherName: string;
  verdict: LinkVerdict;
  reason: string;
  decidedAt: string;
}

export async function listLinks(db: Queryable, subjectId: number): Promise<LinkedSubject[]> {
  return queryRows<LinkedSubject>(
    db,
    sql`SELECT s.id AS "otherId", s.name AS "otherName", l.verdict, l.reason, ${officeDateSql(sql`l.decided_at`)}::text AS "decidedAt"
      FROM subject_links l JOIN subjects s ON s.id = CASE WHEN l.subject_id = ${subjectId} THEN l.other_subject_id ELSE l.subject_id END
      WHERE l.subject_id = ${subjectId} OR l.other_subject_id = ${subjectId}
      ORDER BY l.verdict DESC, l.decided_at DESC`,
  );
}
