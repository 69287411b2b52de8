import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { invalid } from '@/lib/http/errors';
import { apiRoute } from '@/lib/http/route';
import { listTaxonomy } from './admin';
import { taxonomyCodeSchema, type TaxonomyEntry, type TaxonomyKind } from './schemas';

/** `GET /api/v1/{sectors|categories|stores}`: every entry (at most MAX_TAXONOMY_ENTRIES), retired ones marked. */
export const listTaxonomyRoute = (kind: TaxonomyKind) =>
  apiRoute(async () => {
    await requirePermission('registry:read');
    return { items: await listTaxonomy(await getDb(), kind), nextCursor: null };
  });

/** 201 `{ entry }`. */
export const created = (entry: TaxonomyEntry) => Response.json({ entry }, { status: 201 });

/** The `{code}` path segment, or a 400 naming it. */
export function codeParam(code: string): string {
  const parsed = taxonomyCodeSchema.safeParse(code);
  if (!parsed.success) throw invalid('The code in the path is not a taxonomy code.', { code: parsed.error.issues[0]!.message });
  return parsed.data;
}
