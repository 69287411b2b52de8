import { requirePermission } from '@/lib/auth/actor';
import { notFound } from '@/lib/http/errors';
import { apiRoute } from '@/lib/http/route';

/** Any /api/v1 path without its own route: 401 without credentials, 403 for a contact, else a JSON 404, never an HTML page. */
const unknownRoute = apiRoute<{ path: string[] }>(async (req) => {
  await requirePermission('self:read'); // every staff role; an operator's contact: 403 like any staff API
  throw notFound('Route', `${req.method} ${new URL(req.url).pathname}`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
