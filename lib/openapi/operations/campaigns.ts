import { z } from 'zod';
import { CAMPAIGN_STATUSES, campaignListSchema, createCampaignSchema, updateCampaignSchema } from '@/lib/campaigns/schemas';
import type { Operation } from '../types';

const byRef = z.object({ idOrCode: z.string().min(1).max(64).describe('The campaign’s id (a positive integer) or its code.') });

const campaignSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  startsOn: z.string().describe('YYYY-MM-DD'),
  endsOn: z.string().describe('YYYY-MM-DD'),
  status: z.enum(CAMPAIGN_STATUSES),
  sectors: z.array(z.string()).describe('Scope sector codes.'),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string().describe('ISO 8601'),
});
const one = z.object({ campaign: campaignSchema });

/** Campaigns (DESIGN §2, §6): everyone signed in reads them; supervisors create, edit and close them. */
export const campaignOperations: Operation[] = [
  {
    method: 'GET', path: '/api/v1/campaigns', tag: 'campaigns', summary: 'List campaigns',
    description: 'Newest start first; `status` filters; a cursor pages (at most 200 a page).',
    access: 'case:read', query: campaignListSchema,
    responses: [{ status: 200, description: '`{ items, nextCursor }`', schema: z.object({ items: z.array(campaignSchema), nextCursor: z.string().nullable() }) }],
  },
  {
    method: 'POST', path: '/api/v1/campaigns', tag: 'campaigns', summary: 'Create a campaign',
    description: 'The code is stable: imports (`campaign` column), filters and URLs name the campaign by it or by its id. Without a status, a campaign that starts after today is `planned`, else `active`. Scope sectors must exist and not be retired (422 naming `sectors`); a taken code is 409 naming `code`. Audited (`campaign.create`).',
    access: 'campaign:write', body: { name: 'CreateCampaign', schema: createCampaignSchema },
    responses: [{ status: 201, description: '`{ campaign }`', schema: one }], errors: [409, 413, 422],
  },
  {
    method: 'GET', path: '/api/v1/campaigns/{idOrCode}', tag: 'campaigns', summary: 'One campaign, by id or code',
    access: 'case:read', params: byRef,
    responses: [{ status: 200, description: '`{ campaign }`', schema: one }], errors: [404],
  },
  {
    method: 'PATCH', path: '/api/v1/campaigns/{idOrCode}', tag: 'campaigns', summary: 'Edit or close a campaign',
    description: 'Any of names, dates, sectors and status; the code never changes. Status moves planned → active → closed (or planned → closed); `closed` is final, and a closed campaign takes no new inspections or import rows. Audited (`campaign.update`, `campaign.close`).',
    access: 'campaign:write', params: byRef, body: { name: 'UpdateCampaign', schema: updateCampaignSchema },
    responses: [{ status: 200, description: '`{ campaign }`', schema: one }], errors: [404, 413, 422],
  },
];
