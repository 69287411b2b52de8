import { z } from 'zod';
import { REGION_CODE } from './sql';

/** Search results a page holds at most (a division's children are never more than 100: one page). */
export const MAX_REGION_RESULTS = 100;

/** `GET /api/v1/regions`: `q` searches names (and code prefixes); `parent` lists a division's children; neither: the provinces. */
export const regionListQuerySchema = z.object({
  q: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(50, 'q: at most 50 characters.').optional()),
  parent: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(REGION_CODE, 'parent: a 6-digit GB/T 2260 division code.').optional()),
  /** `1`: list retired divisions too (marked `retired: true`). */
  retired: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1'], { error: 'retired: 0 or 1.' }).optional()),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number({ error: 'limit must be a number.' }).int('limit must be a whole number.').min(1, 'limit must be at least 1.')
    .max(MAX_REGION_RESULTS, `limit must be at most ${MAX_REGION_RESULTS}.`).default(20),
});
export type RegionListQuery = z.infer<typeof regionListQuerySchema>;

export const regionEntrySchema = z.object({
  code: z.string().describe('GB/T 2260 division code, 6 digits (e.g. 310104).'),
  nameZh: z.string().describe('The official name (徐汇区).'),
  nameEn: z.string().describe('The data package has no English names: the Chinese name (a place name).'),
  level: z.number().int().describe('1 province, 2 city (or a grouping such as 市辖区), 3 district.'),
  parentCode: z.string().nullable(),
  path: z.string().describe('The name path, groupings left out: 上海市 / 徐汇区.'),
  retired: z.boolean(),
  hasChildren: z.boolean(),
});
