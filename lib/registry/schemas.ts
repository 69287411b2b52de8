import { z } from 'zod';
import { identifierTypeEnum, platformEnum, subjectKindEnum } from '@/db/schema/enums';
import { identifierMatchValue } from '@/lib/domain/identifiers';
import { usccProblem } from '@/lib/domain/uscc';
import { MAX_DB_INT } from '@/lib/http/params';
import { REGION_CODE } from '@/lib/regions/sql';

/**
 * The one schema per registry write: the forms (server actions), the API and the import use them.
 * Custom issues carry `params.i18n` (a key under `validation.` in messages/*\/registry.json) so a
 * form can show the reason in the reader's language; the API answers with the English message.
 */
const text = (max: number, label: string) =>
  z.string({ error: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label}: at most ${max} characters.`);

export const usccSchema = z
  .string({ error: 'The USCC is required.' })
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    const problem = usccProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: `${problem}.`, params: { i18n: 'uscc', detail: problem } });
  });

export const operatorInputSchema = z.object({
  name: text(200, 'The name'),
  uscc: usccSchema,
  /** The region (属地) as a GB/T 2260 division code; that it names a live division is checked on write. */
  region: z.string({ error: 'The region (属地) is required.' }).trim().min(1, 'The region (属地) is required.')
    .regex(REGION_CODE, 'The region (属地): a 6-digit GB/T 2260 division code.'),
  contact: z.string().trim().max(500, 'Contact: at most 500 characters.').optional().default(''),
});
export type OperatorInput = z.infer<typeof operatorInputSchema>;

export const KINDS = subjectKindEnum.enumValues;
export const PLATFORMS = platformEnum.enumValues;
export const APP_PLATFORMS = ['android', 'ios', 'harmony'] as const;
export const MINI_PROGRAM_PLATFORMS = ['wechat', 'alipay', 'douyin', 'baidu', 'kuaishou', 'qq'] as const;

/** The platforms a kind may be on (mirrors the subjects_platform_fits_kind check). */
export function platformsFor(kind: (typeof KINDS)[number]): readonly (typeof PLATFORMS)[number][] {
  return kind === 'mini_program' ? MINI_PROGRAM_PLATFORMS : APP_PLATFORMS;
}

export const identifierInputSchema = z
  .object({
    type: z.enum(identifierTypeEnum.enumValues, { error: `One of: ${identifierTypeEnum.enumValues.join(', ')}.` }),
    value: text(200, 'The identifier'),
  })
  .superRefine((i, ctx) => {
    if (i.type === 'cert_sha256' && !/^[0-9a-f]{64}$/.test(identifierMatchValue(i.type, i.value))) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'A certificate fingerprint is 64 hex digits (SHA-256).', params: { i18n: 'certSha256' } });
    }
  });

export const storeListingInputSchema = z.object({
  store: text(40, 'The store'),
  versionSeen: z.string().trim().max(100, 'Version: at most 100 characters.').optional(),
});

/** Store-listing rows the subject form offers. */
export const STORE_ROWS = 3;

export const subjectInputSchema = z
  .object({
    kind: z.enum(KINDS, { error: `One of: ${KINDS.join(', ')}.` }),
    platform: z.enum(PLATFORMS, { error: `One of: ${PLATFORMS.join(', ')}.` }),
    name: text(200, 'The name'),
    sector: text(40, 'The sector'),
    operatorId: z.coerce.number({ error: 'The operator is required.' }).int().positive('The operator is required.').max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
    identifiers: z.array(identifierInputSchema).max(20, 'At most 20 identifiers.').default([]),
    storeListings: z.array(storeListingInputSchema).max(20, 'At most 20 store listings.').default([]),
  })
  .superRefine((s, ctx) => {
    if (!platformsFor(s.kind).includes(s.platform)) {
      ctx.addIssue({
        code: 'custom',
        path: ['platform'],
        message: `A ${s.kind} runs on ${platformsFor(s.kind).join(', ')}, not ${s.platform}.`,
        params: { i18n: 'platformKind' },
      });
    }
    const seen = new Set<string>();
    s.identifiers.forEach((i, n) => {
      const key = `${i.type}:${identifierMatchValue(i.type, i.value)}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['identifiers', n, 'value'], message: 'This identifier is listed twice.', params: { i18n: 'duplicate' } });
      seen.add(key);
    });
  });
export type SubjectInput = z.infer<typeof subjectInputSchema>;

export const subjectLinkInputSchema = z.object({
  otherSubjectId: z.number({ error: 'otherSubjectId is required.' }).int().positive().max(MAX_DB_INT, 'Too large for this database (at most 2147483647).'),
  verdict: z.enum(['same', 'dismissed'], { error: 'One of: same, dismissed.' }),
  reason: z.string().trim().max(2000, 'At most 2,000 characters.').optional().default(''),
});
