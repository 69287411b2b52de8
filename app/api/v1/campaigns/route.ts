import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { createCampaign } from '@/lib/campaigns/commands';
import { listCampaignPage } from '@/lib/campaigns/queries';
import { campaignListSchema, createCampaignSchema } from '@/lib/campaigns/schemas';
import { apiRoute, readJson, readSearchParams } from '@/lib/http/route';

/** Campaigns, newest start first; `status=` filters; cursor pagination. */
export const GET = apiRoute(async (req) => {
  await requirePermission('case:read');
  return listCampaignPage(await getDb(), readSearchParams(req.url, campaignListSchema));
});

/** A supervisor creates a campaign. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('campaign:write');
  const campaign = await createCampaign(actor, await readJson(req, createCampaignSchema));
  return Response.json({ campaign }, { status: 201 });
});
