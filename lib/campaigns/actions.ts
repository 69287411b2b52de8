'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define';
import * as commands from './commands';
import { campaignRefSchema } from './ref';
import { createCampaignSchema, updateCampaignSchema } from './schemas';

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const optional = (form: FormData, name: string) => (form.get(name) === null || field(form, name) === '' ? undefined : field(form, name));

function campaignForm(form: FormData) {
  return {
    nameZh: field(form, 'nameZh'),
    nameEn: field(form, 'nameEn'),
    startsOn: field(form, 'startsOn'),
    endsOn: field(form, 'endsOn'),
    sectors: form.getAll('sectors').map(String),
    status: optional(form, 'status'),
  };
}

function showCampaign(code: string): never {
  revalidatePath('/campaigns');
  redirect(`/campaigns/${encodeURIComponent(code)}`);
}

/** The new-campaign form: POST /api/v1/campaigns's schema. */
export const createCampaign = defineAction({
  name: 'createCampaign',
  permission: 'campaign:write',
  schema: createCampaignSchema,
  fromForm: (form) => ({ ...campaignForm(form), code: field(form, 'code') }),
  transaction: 'own',
  run: async ({ actor, input }) => (await commands.createCampaign(actor, input)).code,
  after: showCampaign,
});

/** The edit form: PATCH /api/v1/campaigns/{idOrCode}'s schema. */
export const updateCampaign = defineAction({
  name: 'updateCampaign',
  permission: 'campaign:write',
  target: { ref: campaignRefSchema },
  schema: updateCampaignSchema,
  fromForm: (form) => ({ ...campaignForm(form), ref: field(form, 'ref') }),
  transaction: 'own',
  run: async ({ actor, input: { ref, ...body } }) => (await commands.updateCampaign(actor, ref, body)).code,
  after: showCampaign,
});

/** Closes a campaign (final). */
export const closeCampaign = defineAction({
  name: 'closeCampaign',
  permission: 'campaign:write',
  schema: z.object({ ref: campaignRefSchema }),
  transaction: 'own',
  run: async ({ actor, input }) => (await commands.updateCampaign(actor, input.ref, { status: 'closed' })).code,
  after: showCampaign,
});
