import { z } from 'zod';
import { MAX_REGION_RESULTS, regionEntrySchema, regionListQuerySchema } from '@/lib/regions/schemas';
import type { Operation } from '../types';

/** Regions (属地): GB/T 2260 divisions, reference data from a pinned data package (DESIGN §2, §6). */
export const regionOperations: Operation[] = [
  {
    method: 'GET', path: '/api/v1/regions', tag: 'taxonomies', summary: 'List or search GB/T 2260 divisions',
    description: `\`parent=<code>\`: the divisions directly under it (at most a few dozen: one page, \`nextCursor\` null; 404 for an unknown code). \`q=\`: live divisions whose name contains it or whose code starts with it, names starting with it first, at most ${MAX_REGION_RESULTS} a page (\`limit\`, default 20): follow \`nextCursor\`; with \`parent\`, only under it. Neither: the provinces. \`retired=1\` lists retired divisions too. Operators, filters and imports name a region by its code; a filter by a code matches the division and everything under it. \`nameEn\` is the Chinese name: the data package has no English names.`,
    access: 'registry:read',
    query: regionListQuerySchema,
    responses: [{ status: 200, description: '`{ items, nextCursor }`', schema: z.object({ items: z.array(regionEntrySchema), nextCursor: z.string().nullable() }) }],
    errors: [404],
  },
];
