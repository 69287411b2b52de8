import { requirePermission } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { describeActor } from '@/lib/users/me';

/** Who is asking: a signed-in user or an API token, with its role and permissions. */
export const GET = apiRoute(async () => describeActor(await requirePermission('self:read')));
