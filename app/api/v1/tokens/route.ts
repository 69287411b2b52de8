import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { createApiToken, listApiTokens } from '@/lib/tokens/commands';
import { createTokenSchema } from '@/lib/tokens/schemas';

export const GET = apiRoute(async () => {
  await requirePermission('admin:tokens');
  return { items: await listApiTokens() };
});

/** Creates a token; the secret is in this answer only. */
export const POST = apiRoute(async (req) => {
  const actor = await requirePermission('admin:tokens');
  const created = await createApiToken(actor, await readJson(req, createTokenSchema));
  return Response.json(created, { status: 201 });
});
