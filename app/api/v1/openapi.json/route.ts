import { requirePermission } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { openApiDocument } from '@/lib/openapi/document';

/** The OpenAPI 3.1 document, generated from the zod schemas the routes validate with; every role and token may read it. */
export const GET = apiRoute(async () => {
  await requirePermission('api:docs');
  return Response.json(openApiDocument());
});
