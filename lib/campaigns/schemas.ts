/**
 * The one schema per campaign write (DESIGN §2, §6): the API and the supervisors' forms use them.
 * Client-safe: no database imports.
 */
import { z } from 'zod';
import { campaignStatusEnum } from '@/db/schema/enums';
import { isoDate } from '@/lib/cases/filters';
import { pageParams } from '@/lib/http/cursor';
import { CAMPAIGN_CODE_HINT, CAMPAIGN_CODE_RE } from './ref';

export const CAMPAIGN_STATUSES = campaignStatusEnum.enumValues;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** At most this many scope sectors per campaign. */
export const CAMPAIGN_MAX_SECTORS = 50;
export const CAMPAIGN_NAME_MAX = 200;

/** Where a status may go: planned → active → closed (or planned → closed); closed is final. */
export const CAMPAIGN_NEXT: Record<CampaignStatus, readonly CampaignStatus[]> = {
  planned: ['active', 'closed'],
  active: ['closed'],
  closed: [],
};

const name = (language: string) =>
  z.string({ error: `The name in ${language} is required.` }).trim().min(1, `The name in ${language} is required.`).max(CAMPAIGN_NAME_MAX, `At most ${CAMPAIGN_NAME_MAX} characters.`);
const day = (what: string) => z.string({ error: `${what} is a date (YYYY-MM-DD).` }).pipe(isoDate);
const sectorList = z
  .array(z.string({ error: 'A sector is its code.' }).trim().regex(/^[a-z0-9_]{1,64}$/, 'A sector is its code, such as "parking".'), { error: 'The scope sectors are a list of sector codes.' })
  .min(1, 'Name at least one scope sector.')
  .max(CAMPAIGN_MAX_SECTORS, `At most ${CAMPAIGN_MAX_SECTORS} sectors.`)
  .transform((list) => [...new Set(list)]);
const status = z.enum(CAMPAIGN_STATUSES, { error: `The status is one of: ${CAMPAIGN_STATUSES.join(', ')}.` });

function endsAfterStart(v: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date must not be before the start date.' });
}

/** POST /api/v1/campaigns. Without a status, a campaign starting after today is `planned`, else `active`. */
export const createCampaignSchema = z
  .strictObject({
    code: z.string({ error: 'The code is required.' }).trim().regex(CAMPAIGN_CODE_RE, CAMPAIGN_CODE_HINT),
    nameZh: name('Chinese'),
    nameEn: name('English'),
    startsOn: day('The start'),
    endsOn: day('The end'),
    sectors: sectorList,
    status: z.enum(['planned', 'active'], { error: 'A new campaign is planned or active.' }).optional(),
  })
  .superRefine(endsAfterStart);
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

/** PATCH /api/v1/campaigns/{idOrCode}: any of the fields; the code is stable (imports name it) and cannot change. `status: "closed"` closes it. */
export const updateCampaignSchema = z
  .strictObject({
    code: z.undefined({ error: 'The code cannot change: imports and links name the campaign by it.' }).optional(),
    nameZh: name('Chinese').optional(),
    nameEn: name('English').optional(),
    startsOn: day('The start').optional(),
    endsOn: day('The end').optional(),
    sectors: sectorList.optional(),
    status: status.optional(),
  })
  .superRefine(endsAfterStart)
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one field.', path: ['_'] });
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

/** GET /api/v1/campaigns: newest start first, by status. */
export const campaignListSchema = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), status.optional()),
  ...pageParams,
});
export type CampaignListQuery = z.infer<typeof campaignListSchema>;
