import { requireActor } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { openApiDocument } from '@/lib/openapi/document';

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with; any signed-in caller. */
export const GET = apiRoute(async () => {
  await requireActor();
  return Response.json(openApiDocument(), { headers: { 'cache-control': 'private, max-age=300' } });
});
