'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/actor';
import { runAction, type ActionResult } from '@/lib/actions/result';
import { createCampaign, updateCampaign } from './commands';
import { campaignRefSchema } from './ref';
import { createCampaignSchema, updateCampaignSchema } from './schemas';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const optional = (form: FormData, name: string) => (form.get(name) === null || field(form, name) === '' ? undefined : field(form, name));

/** Creates a campaign, or (with `ref`) edits one; the same schemas as the API. */
export async function saveCampaignAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const saved = await runAction(async () => {
    const actor = await requirePermission('campaign:write');
    const common = {
      nameZh: field(form, 'nameZh'),
      nameEn: field(form, 'nameEn'),
      startsOn: field(form, 'startsOn'),
      endsOn: field(form, 'endsOn'),
      sectors: form.getAll('sectors').map(String),
      status: optional(form, 'status'),
    };
    const ref = optional(form, 'ref');
    if (ref) return (await updateCampaign(actor, campaignRefSchema.parse(ref), updateCampaignSchema.parse(common))).code;
    return (await createCampaign(actor, createCampaignSchema.parse({ ...common, code: field(form, 'code') }))).code;
  });
  if (!saved.ok) return saved;
  revalidatePath('/campaigns');
  redirect(`/campaigns/${encodeURIComponent(saved.data)}`);
}

/** Closes a campaign (final). */
export async function closeCampaignAction(_prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const saved = await runAction(async () => {
    const actor = await requirePermission('campaign:write');
    return (await updateCampaign(actor, campaignRefSchema.parse(field(form, 'ref')), { status: 'closed' })).code;
  });
  if (!saved.ok) return saved;
  revalidatePath('/campaigns');
  redirect(`/campaigns/${encodeURIComponent(saved.data)}`);
}
