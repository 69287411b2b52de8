import { and, asc, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '@/db/client';
import { intArray } from '@/db/params';
import { campaigns, campaignSectors } from '@/db/schema';
import { decodeCursor, pageOf } from '@/lib/http/cursor';
import { isCalendarDate } from '@/lib/time';
import { notFound } from '@/lib/http/errors';
import type { CampaignRef } from './ref';
import type { CampaignListQuery, CampaignStatus } from './schemas';

export interface Campaign {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  sectors: string[];
  createdAt: Date;
  updatedAt: Date;
}

type CampaignRow = typeof campaigns.$inferSelect;

async function withSectors(db: Queryable, rows: CampaignRow[]): Promise<Campaign[]> {
  if (!rows.length) return [];
  const links = await db
    .select()
    .from(campaignSectors)
    .where(inArray(campaignSectors.campaignId, rows.map((r) => r.id)))
    .orderBy(asc(campaignSectors.sector));
  return rows.map((r) => ({ ...r, sectors: links.filter((l) => l.campaignId === r.id).map((l) => l.sector) }));
}

/** The WHERE naming one campaign by id or code. */
export const campaignWhere = (ref: CampaignRef): SQL => (typeof ref === 'number' ? eq(campaigns.id, ref) : eq(campaigns.code, ref));

/** The campaign a ref (id or code) names, with its scope sectors, or a 404. */
export async function getCampaignOrThrow(db: Queryable, ref: CampaignRef): Promise<Campaign> {
  const [row] = await db.select().from(campaigns).where(campaignWhere(ref)).limit(1);
  if (!row) throw notFound('Campaign', ref);
  return (await withSectors(db, [row]))[0]!;
}

/** The campaigns an inspection may still be filed under (not closed), newest start first: the inspection form's choices. */
export async function listOpenCampaigns(db: Queryable): Promise<Pick<CampaignRow, 'id' | 'nameZh' | 'nameEn' | 'startsOn' | 'endsOn'>[]> {
  return db
    .select({ id: campaigns.id, nameZh: campaigns.nameZh, nameEn: campaigns.nameEn, startsOn: campaigns.startsOn, endsOn: campaigns.endsOn })
    .from(campaigns)
    .where(ne(campaigns.status, 'closed'))
    .orderBy(desc(campaigns.startsOn));
}

/** One page of campaigns, newest start first (keyset over start date and id). */
export async function listCampaignPage(db: Queryable, q: CampaignListQuery): Promise<{ items: Campaign[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [q.status ? eq(campaigns.status, q.status) : undefined];
  const after = decodeCursor(q.cursor, isCalendarDate);
  if (after) {
    const [startsOn, id] = after;
    where.push(or(lt(campaigns.startsOn, String(startsOn)), and(eq(campaigns.startsOn, String(startsOn)), lt(campaigns.id, id))));
  }
  const rows = await db.select().from(campaigns).where(and(...where)).orderBy(desc(campaigns.startsOn), desc(campaigns.id)).limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.startsOn, r.id]);
  return { items: await withSectors(db, page.items), nextCursor: page.nextCursor };
}

/** How many inspections and cases a campaign holds (the campaign page's header). */
export async function campaignCounts(db: Queryable, id: number): Promise<{ inspections: number; cases: number; subjects: number }> {
  const [row] = await queryRows<{ inspections: number; cases: number; subjects: number }>(db, sql`
    SELECT count(*)::int AS inspections, count(DISTINCT i.subject_id)::int AS subjects,
      (SELECT count(*)::int FROM cases c JOIN inspections ci ON ci.id = c.inspection_id WHERE ci.campaign_id = ${id}) AS cases
    FROM inspections i WHERE i.campaign_id = ${id}`);
  return { inspections: Number(row?.inspections ?? 0), cases: Number(row?.cases ?? 0), subjects: Number(row?.subjects ?? 0) };
}

/** Cases per campaign, for a page of campaigns. */
export async function caseCountsByCampaign(db: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: number; n: number }>(db, sql`
    SELECT i.campaign_id AS id, count(*)::int AS n FROM cases c JOIN inspections i ON i.id = c.inspection_id
    WHERE i.campaign_id = ANY(${intArray(ids)}) GROUP BY i.campaign_id`);
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
}
