import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');

/** Dashboard filters, shared by the stats API and the dashboard's URL. */
export const statsFiltersSchema = z
  .object({
    campaign: z.coerce.number().int().positive('A campaign id is a positive integer.').optional(),
    sector: z.string().trim().min(1).max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '`from` must not be after `to`.', path: ['to'] });

export type StatsFilters = z.infer<typeof statsFiltersSchema>;
