import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute } from '@/lib/http/route';
import { fixesToVerify, pendingRequests, unacknowledgedOrders } from '@/lib/portal/staff';

/** The office's side of the portal: requests waiting for a decision, fixes to verify, orders never acknowledged. */
export const GET = apiRoute(async () => {
  await requirePermission('case:read');
  const db = await getDb();
  const [pending, fixes, unacknowledged] = await Promise.all([pendingRequests(db), fixesToVerify(db), unacknowledgedOrders(db)]);
  return { pending, fixesToVerify: fixes, unacknowledged };
});
