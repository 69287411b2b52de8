import { isCampaignSql } from '@/lib/campaigns/sql';
import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable, type Tx } from '@/db/client';
import { operators } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { countUpTo, type Total } from '@/lib/http/total';
import { operatorFlaggedFilterSql } from '@/lib/offenders/active';
import { operatorMarkedFilterSql, operatorMarkedSql } from '@/lib/offenders/marks';
import { conflict, notFound } from '@/lib/http/errors';
import type { OperatorListQuery } from './list-schemas';
import { operatorMatchSql } from '@/lib/search/match';
import type { OperatorInput } from './schemas';
import { assertRegionUsable } from '@/lib/regions/queries';
import { operatorRegionFilterSql, operatorRegionNameSql } from '@/lib/regions/sql';
import type { z } from 'zod';
import type { BeforeJson } from '@/lib/openapi/json';
import type { OperatorListRow, operatorView } from './responses';

export type { OperatorListRow };
/** An operator as read: `region` is its division code (null while its free-text region is unmatched). */
export type OperatorRow = BeforeJson<z.infer<typeof operatorView>, 'createdAt' | 'updatedAt'>;

/** Operators by name (keyset on name, id), searchable by name or USCC, filtered by region; with `total`, the count of every match. */
export async function listOperators(db: Queryable, query: Omit<OperatorListQuery, 'total'> & { total?: boolean }): Promise<{ items: OperatorListRow[]; nextCursor: string | null } & Partial<Total>> {
  const after = decodeCursor(query.cursor);
  const where = operatorListWhere(query);
  const filtered = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  if (after) where.push(sql`(operators.name, operators.id) > (${String(after[0])}, ${after[1]})`);
  const [rows, total] = await Promise.all([
    queryRows<OperatorListRow>(
      db,
      sql`SELECT operators.id, operators.name, operators.uscc, operators.region_code AS region,
          ${operatorRegionNameSql('operators')} AS "regionName", operators.region_unmatched AS "regionUnmatched",
          (SELECT count(*)::int FROM subjects WHERE subjects.operator_id = operators.id) AS subjects,
          ${operatorMarkedSql(sql`operators.id`)} AS "repeatOffender"
        FROM operators ${where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``}
        ORDER BY operators.name, operators.id LIMIT ${query.limit + 1}`,
    ),
    query.total ? countUpTo(db, sql`FROM operators ${filtered}`) : undefined,
  ]);
  return { ...pageOf(rows, query.limit, (r) => [r.name, r.id]), ...total };
}

/** The list's filters (no cursor). */
function operatorListWhere(query: Omit<OperatorListQuery, 'total' | 'limit' | 'cursor'>): SQL[] {
  const where: SQL[] = [];
  if (query.q) {
    where.push(operatorMatchSql(query.q));
  }
  if (query.region) where.push(operatorRegionFilterSql(sql`operators.region_code`, query.region));
  const subjectParts: SQL[] = [];
  if (query.sector) subjectParts.push(sql`s.sector = ${query.sector}`);
  if (query.kind) subjectParts.push(sql`s.kind = ${query.kind}`);
  if (query.platform) subjectParts.push(sql`s.platform = ${query.platform}`);
  if (query.campaign !== undefined) {
    subjectParts.push(sql`EXISTS (SELECT 1 FROM inspections i WHERE i.subject_id = s.id AND ${isCampaignSql(sql`i.campaign_id`, query.campaign)})`);
  }
  if (subjectParts.length) where.push(sql`EXISTS (SELECT 1 FROM subjects s WHERE s.operator_id = operators.id AND ${sql.join(subjectParts, sql` AND `)})`);
  if (query.flagged === 'confirmed') where.push(operatorMarkedFilterSql(sql`operators.id`));
  if (query.flagged === 'active') where.push(operatorFlaggedFilterSql(sql`operators.id`, query));
  return where;
}

export async function getOperatorOrThrow(db: Queryable, id: number): Promise<OperatorRow> {
  const [row] = await queryRows<OperatorRow>(db, sql`SELECT id, name, uscc, region_code AS region, ${operatorRegionNameSql('operators')} AS "regionName",
      region_unmatched AS "regionUnmatched", contact, created_at AS "createdAt", updated_at AS "updatedAt"
    FROM operators WHERE id = ${id}`);
  if (!row) throw notFound('Operator', id);
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) };
}

async function assertUsccFree(tx: Tx, uscc: string, exceptId?: number) {
  const [other] = await tx.select({ id: operators.id, name: operators.name }).from(operators).where(eq(operators.uscc, uscc)).limit(1);
  if (other && other.id !== exceptId) {
    throw conflict(`Operator ${other.id} (${other.name}) already has this USCC.`, { uscc: `Already registered to ${other.name}.` });
  }
}

const columnsOf = (input: OperatorInput) => ({ name: input.name, uscc: input.uscc, regionCode: input.region, regionUnmatched: null, contact: input.contact });

export async function createOperator(tx: Tx, actor: Actor, input: OperatorInput): Promise<OperatorRow> {
  await assertUsccFree(tx, input.uscc);
  await assertRegionUsable(tx, input.region);
  const [row] = await tx.insert(operators).values(columnsOf(input)).returning({ id: operators.id });
  await recordAudit(tx, actor, { action: 'operator.create', entityType: 'operator', entityId: row!.id, after: input });
  return getOperatorOrThrow(tx, row!.id);
}

export async function updateOperator(tx: Tx, actor: Actor, id: number, input: OperatorInput): Promise<OperatorRow> {
  const before = await getOperatorOrThrow(tx, id);
  await assertUsccFree(tx, input.uscc, id);
  // An operator keeps a retired region it already has; a change must name a live division.
  if (input.region !== before.region) await assertRegionUsable(tx, input.region);
  await tx.update(operators).set({ ...columnsOf(input), updatedAt: sql`now()` }).where(eq(operators.id, id));
  await recordAudit(tx, actor, {
    action: 'operator.update',
    entityType: 'operator',
    entityId: id,
    before: { name: before.name, uscc: before.uscc, region: before.region, ...(before.regionUnmatched === null ? {} : { regionUnmatched: before.regionUnmatched }), contact: before.contact },
    after: input,
  });
  return getOperatorOrThrow(tx, id);
}

/** An operator as a picker shows it (its id and name), or null when there is none by that id. */
export async function operatorOption(db: Queryable, id: number | null | undefined): Promise<{ id: number; label: string } | null> {
  if (!id) return null;
  const [row] = await db.select({ id: operators.id, label: operators.name }).from(operators).where(eq(operators.id, id)).limit(1);
  return row ?? null;
}
