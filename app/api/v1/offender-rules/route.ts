import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { listRules } from '@/lib/offenders/rules-admin';

export const GET = apiRoute(async () => {
  await requirePermission('offender:read');
  return { rules: await listRules(await getDb()) };
});
