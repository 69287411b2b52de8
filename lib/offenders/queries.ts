import { operatorRegionFilterSql, operatorRegionNameSql } from '@/lib/regions/sql';
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { queryRows } from '@/db/client';
import { intArray } from '@/db/params';
import { auditEvents, offenderFlags, operators, subjects, users } from '@/db/schema';
import { notFound } from '@/lib/http/errors';
import { flagInScopeSql } from './active';
import type { FlagFilters } from './schemas';
import type { FlagRow } from './types';
import { asExplanation, type EvasionExplanation } from './explanation';
import type { FlagListItem, FlagCase, ReviewEvent } from './responses';

export type { FlagListItem, FlagCase, ReviewEvent };

function filterConditions(f: FlagFilters): SQL[] {
  const where: SQL[] = [];
  if (f.status !== 'all') where.push(eq(offenderFlags.status, f.status));
  if (f.resolved !== '1') where.push(isNull(offenderFlags.resolvedAt));
  if (f.rule) where.push(eq(offenderFlags.rule, f.rule));
  if (f.operator) where.push(eq(offenderFlags.operatorId, f.operator));
  if (f.region) where.push(operatorRegionFilterSql(operators.regionCode, f.region));
  if (f.sector || f.campaign) where.push(flagInScopeSql({ sector: f.sector, campaign: f.campaign }));
  if (f.cursor) {
    const [w, id] = f.cursor.split('.').map(Number);
    where.push(sql`(${offenderFlags.weight}, ${offenderFlags.id}) < (${w}, ${id})`);
  }
  return where;
}

/** The review queue: heaviest first, keyset-paginated (`nextCursor` = "weight.id" of the last row). */
export async function listFlags(db: Queryable, f: FlagFilters): Promise<{ items: FlagListItem[]; nextCursor: string | null }> {
  const rows = await db
    .select({
      id: offenderFlags.id,
      rule: offenderFlags.rule,
      targetKey: offenderFlags.targetKey,
      status: offenderFlags.status,
      weight: offenderFlags.weight,
      operatorId: offenderFlags.operatorId,
      operatorName: operators.name,
      region: operatorRegionNameSql('operators'),
      subjectId: offenderFlags.subjectId,
      subjectName: subjects.name,
      campaignId: offenderFlags.campaignId,
      caseCount: sql<number>`cardinality(${offenderFlags.caseIds})`.mapWith(Number),
      explanation: offenderFlags.explanation,
      escalation: offenderFlags.escalation,
      resolvedAt: offenderFlags.resolvedAt,
      firstRaisedAt: offenderFlags.firstRaisedAt,
      updatedAt: offenderFlags.updatedAt,
    })
    .from(offenderFlags)
    .leftJoin(operators, eq(operators.id, offenderFlags.operatorId))
    .leftJoin(subjects, eq(subjects.id, offenderFlags.subjectId))
    .where(and(...filterConditions(f)))
    .orderBy(desc(offenderFlags.weight), desc(offenderFlags.id))
    .limit(f.limit + 1);
  const items = rows.slice(0, f.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > f.limit && last ? `${last.weight}.${last.id}` : null };
}

export async function getFlagOrThrow(db: Queryable, id: number): Promise<FlagRow> {
  const [flag] = await db.select().from(offenderFlags).where(eq(offenderFlags.id, id)).limit(1);
  if (!flag) throw notFound('Flag', id);
  return flag;
}

/** How many of a flag's cases its page and API show (the latest); the rest are counted and linked. */
export const FLAG_CASES_SHOWN = 50;

/**
 * The cases behind a flag as they are now (state, subject, categories), for its explanation page:
 * the latest `limit` by inspection date (oldest first), and how many there are in all.
 */
export async function flagCases(db: Queryable, caseIds: readonly number[], limit = FLAG_CASES_SHOWN): Promise<{ cases: FlagCase[]; total: number }> {
  if (!caseIds.length) return { cases: [], total: 0 };
  const rows = await queryRows<FlagCase>(
    db,
    sql`SELECT * FROM (
        SELECT c.id, c.state, s.id AS "subjectId", s.name AS "subjectName", s.kind, s.platform, s.sector,
          i.inspected_on::text AS "inspectedOn", i.campaign_id AS "campaignId",
          coalesce(array_agg(DISTINCT f.category) FILTER (WHERE f.category IS NOT NULL), '{}') AS categories,
          max(f.severity)::text AS severity, c.closed_at::text AS "closedAt", c.first_removed_at::text AS "firstRemovedAt"
        FROM cases c JOIN subjects s ON s.id = c.subject_id JOIN inspections i ON i.id = c.inspection_id
        LEFT JOIN findings f ON f.inspection_id = c.inspection_id
        WHERE c.id = ANY(${intArray(caseIds)})
        GROUP BY c.id, s.id, i.id ORDER BY i.inspected_on DESC, c.id DESC LIMIT ${limit}
      ) latest ORDER BY "inspectedOn", id`,
  );
  return { cases: rows, total: caseIds.length };
}

/** Reviews and reopenings of the given flags, oldest first (from the audit trail). */
export async function flagHistory(db: Queryable, flagIds: readonly number[]): Promise<ReviewEvent[]> {
  if (!flagIds.length) return [];
  const rows = await db
    .select({ entityId: auditEvents.entityId, action: auditEvents.action, at: auditEvents.at, actorName: users.name, after: auditEvents.after })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.entityType, 'offender_flag'), inArray(auditEvents.entityId, flagIds.map(String))))
    .orderBy(auditEvents.seq);
  return rows.map((r) => ({ flagId: Number(r.entityId), action: r.action, at: r.at, actorName: r.actorName, after: r.after as ReviewEvent['after'] }));
}

/** One line of a subject's evasion box: `is` — this subject is likely `name` re-registered; `followedBy` — `name` likely re-registered this one after its removal. */
export interface SubjectEvasionItem {
  flagId: number;
  direction: 'is' | 'followedBy';
  subjectId: number;
  name: string;
  removedOn: string;
}

/**
 * "Likely re-registered after removal", both ways, from the live (unresolved, not dismissed) evasion
 * flags: the removed subjects this one probably is, and the subjects that probably re-registered it.
 */
export async function subjectEvasion(db: Queryable, subjectId: number): Promise<SubjectEvasionItem[]> {
  const flags = await db
    .select({ id: offenderFlags.id, subjectId: offenderFlags.subjectId, name: subjects.name, explanation: offenderFlags.explanation })
    .from(offenderFlags)
    .innerJoin(subjects, eq(subjects.id, offenderFlags.subjectId))
    .where(and(
      eq(offenderFlags.rule, 'evasion'),
      sql`${offenderFlags.resolvedAt} IS NULL AND ${offenderFlags.status} <> 'dismissed'`,
      or(eq(offenderFlags.subjectId, subjectId), sql`${offenderFlags.explanation}->'matches' @> ${JSON.stringify([{ subjectId }])}::jsonb`),
    ));
  const items: SubjectEvasionItem[] = [];
  for (const f of flags) {
    const e = asExplanation(f.explanation) as EvasionExplanation;
    if (f.subjectId === subjectId) {
      for (const m of e.matches) items.push({ flagId: f.id, direction: 'is', subjectId: m.subjectId, name: m.name, removedOn: m.removedOn });
    } else {
      const m = e.matches.find((x) => x.subjectId === subjectId);
      if (m && f.subjectId !== null) items.push({ flagId: f.id, direction: 'followedBy', subjectId: f.subjectId, name: f.name, removedOn: m.removedOn });
    }
  }
  return items;
}
