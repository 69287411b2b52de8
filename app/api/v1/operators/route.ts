import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson, readSearchParams } from '@/lib/http/route';
import { operatorListQuerySchema } from '@/lib/registry/list-schemas';
import { createOperator, listOperators } from '@/lib/registry/operators';
import { operatorInputSchema } from '@/lib/registry/schemas';

/** Operators by name; `q` searches name and USCC, `region` filters; cursor pagination. */
export const GET = apiRoute(async (req) => {
  await requirePermission('registry:read');
  const query = readSearchParams(req.url, operatorListQuerySchema);
  return listOperators(await getDb(), query);
});

/** Registers an operator; the USCC is checked by its GB 32100-2015 check digit. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('registry:write');
  const input = await readJson(req, operatorInputSchema);
  const db = await getDb();
  const operator = await db.transaction((tx) => createOperator(tx, actor, input));
  return Response.json({ operator }, { status: 201 });
});
