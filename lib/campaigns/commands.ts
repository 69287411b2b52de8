import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb, type Queryable } from '@/db/client';
import { campaigns, campaignSectors, sectors } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit';
import { conflict, unprocessable } from '@/lib/http/errors';
import { officeToday } from '@/lib/time';
import { getCampaignOrThrow, type Campaign } from './queries';
import type { CampaignRef } from './ref';
import { CAMPAIGN_NEXT, type CreateCampaignInput, type UpdateCampaignInput } from './schemas';

/** Scope sectors must exist; a retired one may stay on a campaign that already had it, never be added. */
async function checkSectors(tx: Queryable, wanted: string[], kept: string[] = []): Promise<void> {
  const rows = await tx.select({ code: sectors.code, active: sectors.active }).from(sectors).where(inArray(sectors.code, wanted));
  const known = new Map(rows.map((r) => [r.code, r.active]));
  const unknown = wanted.filter((c) => !known.has(c));
  if (unknown.length) throw unprocessable('Unknown sector.', { sectors: `No such sector: ${unknown.join(', ')}.` });
  const retired = wanted.filter((c) => known.get(c) === false && !kept.includes(c));
  if (retired.length) throw unprocessable('A retired sector takes no new campaigns.', { sectors: `Retired: ${retired.join(', ')}.` });
}

export async function createCampaign(actor: Actor, input: CreateCampaignInput): Promise<Campaign> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await checkSectors(tx, input.sectors);
    const [clash] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.code, input.code)).limit(1);
    if (clash) throw conflict(`A campaign with the code ${input.code} exists already.`, { code: 'Taken: codes are unique.' });
    const status = input.status ?? (input.startsOn > officeToday() ? 'planned' : 'active');
    const [row] = await tx
      .insert(campaigns)
      .values({ code: input.code, nameZh: input.nameZh, nameEn: input.nameEn, startsOn: input.startsOn, endsOn: input.endsOn, status })
      .returning();
    await tx.insert(campaignSectors).values(input.sectors.map((sector) => ({ campaignId: row!.id, sector })));
    const created = await getCampaignOrThrow(tx, row!.id);
    await recordAudit(tx, actor, { action: 'campaign.create', entityType: 'campaign', entityId: row!.id, after: created });
    return created;
  });
}

/** Edits a campaign; `status: "closed"` closes it (final: a closed campaign takes no new inspections). */
export async function updateCampaign(actor: Actor, ref: CampaignRef, input: UpdateCampaignInput): Promise<Campaign> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getCampaignOrThrow(tx, ref);
    await tx.execute(sql`SELECT 1 FROM campaigns WHERE id = ${before.id} FOR UPDATE`);
    if (input.status && input.status !== before.status && !CAMPAIGN_NEXT[before.status].includes(input.status)) {
      throw unprocessable(`A ${before.status} campaign cannot become ${input.status}.`, {
        status: CAMPAIGN_NEXT[before.status].length ? `From ${before.status}: ${CAMPAIGN_NEXT[before.status].join(' or ')}.` : 'A closed campaign stays closed.',
      });
    }
    const startsOn = input.startsOn ?? before.startsOn;
    const endsOn = input.endsOn ?? before.endsOn;
    if (endsOn < startsOn) throw unprocessable('The end date must not be before the start date.', { [input.endsOn ? 'endsOn' : 'startsOn']: `The campaign would end (${endsOn}) before it starts (${startsOn}).` });
    if (input.sectors) await checkSectors(tx, input.sectors, before.sectors);
    await tx
      .update(campaigns)
      .set({
        ...(input.nameZh !== undefined ? { nameZh: input.nameZh } : {}),
        ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
        startsOn,
        endsOn,
        ...(input.status ? { status: input.status } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(campaigns.id, before.id));
    if (input.sectors) {
      const drop = before.sectors.filter((s) => !input.sectors!.includes(s));
      const add = input.sectors.filter((s) => !before.sectors.includes(s));
      if (drop.length) await tx.delete(campaignSectors).where(and(eq(campaignSectors.campaignId, before.id), inArray(campaignSectors.sector, drop)));
      if (add.length) await tx.insert(campaignSectors).values(add.map((sector) => ({ campaignId: before.id, sector })));
    }
    const after = await getCampaignOrThrow(tx, before.id);
    const closing = input.status === 'closed' && before.status !== 'closed';
    await recordAudit(tx, actor, { action: closing ? 'campaign.close' : 'campaign.update', entityType: 'campaign', entityId: before.id, before, after });
    return after;
  });
}
