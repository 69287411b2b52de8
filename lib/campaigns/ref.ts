/**
 * A campaign named in a URL, a filter or an import: its id or its code (DESIGN §2). Client-safe (no
 * database imports); `campaignIdSql` (./sql.ts) turns either into the id inside a query.
 */
import { z } from 'zod';
import { MAX_DB_INT } from '@/lib/http/params';

/** A code: 1–64 letters, digits, `-`, `_` or `.`, starting with a letter or digit, never only digits (that is an id). */
export const CAMPAIGN_CODE_RE = /^(?!\d+$)[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const CAMPAIGN_CODE_HINT = 'A campaign code is 1–64 letters, digits, "-", "_" or ".", not only digits (e.g. 2026-consumer-scenarios).';

/** A campaign's id (a number) or its code (a string). */
export type CampaignRef = number | string;

const REF_MESSAGE = 'The campaign is its id (a positive integer) or its code (e.g. 2026-consumer-scenarios).';

/** Parses `12` as the id 12 and `2026-consumer-scenarios` as the code; anything else is refused naming the field. */
export const campaignRefSchema = z
  .union([z.number(), z.string()], { error: REF_MESSAGE })
  .transform((v, ctx): CampaignRef => {
    const s = String(v).trim();
    if (/^\d{1,10}$/.test(s)) {
      const n = Number(s);
      if (n >= 1 && n <= MAX_DB_INT) return n;
    } else if (CAMPAIGN_CODE_RE.test(s)) return s;
    ctx.addIssue({ code: 'custom', message: REF_MESSAGE });
    return z.NEVER;
  });

/** A URL's raw value as a ref (id or code), or null. The nuqs parser and the selects use it. */
export function parseCampaignRef(raw: string | null | undefined): CampaignRef | null {
  const parsed = campaignRefSchema.safeParse(raw ?? '');
  return parsed.success ? parsed.data : null;
}

/** Whether a campaign row is the one a ref names. */
export function isCampaign(c: { id: number; code: string }, ref: CampaignRef | null | undefined): boolean {
  return ref !== undefined && ref !== null && (typeof ref === 'number' ? c.id === ref : c.code === ref);
}
