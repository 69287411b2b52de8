import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { updateCampaign } from '@/lib/campaigns/commands';
import { getCampaignOrThrow } from '@/lib/campaigns/queries';
import { campaignRefSchema } from '@/lib/campaigns/ref';
import { updateCampaignSchema } from '@/lib/campaigns/schemas';
import { invalid } from '@/lib/http/errors';
import { apiRoute, readJson } from '@/lib/http/route';

type Params = { idOrCode: string };

function refOf(params: Params) {
  const parsed = campaignRefSchema.safeParse(params.idOrCode);
  if (!parsed.success) throw invalid('The campaign in the path is its id or its code.', { idOrCode: parsed.error.issues[0]!.message });
  return parsed.data;
}

/** One campaign by its id or its code, with its scope sectors. */
export const GET = apiRoute<Params>(async (_req, params) => {
  await requirePermission('case:read');
  return { campaign: await getCampaignOrThrow(await getDb(), refOf(params)) };
});

/** A supervisor edits a campaign or closes it (`status: "closed"`). */
export const PATCH = apiRoute<Params>(async (req, params) => {
  const actor = await requirePermission('campaign:write');
  const ref = refOf(params);
  return { campaign: await updateCampaign(actor, ref, await readJson(req, updateCampaignSchema)) };
});
