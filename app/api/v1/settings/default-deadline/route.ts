import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { apiRoute, readJson } from '@/lib/http/route';
import { defaultDeadlineSchema, getDefaultDeadlineDays, setDefaultDeadlineDays } from '@/lib/settings';

/** The default rectification deadline in calendar days. */
export const GET = apiRoute(async () => {
  await requirePermission('case:read');
  return { days: await getDefaultDeadlineDays(await getDb()) };
});

/** `{ "days": 1..90 }`; admins only; audited. */
export const PUT = apiRoute(async (req) => {
  const actor = await requirePermission('admin:settings');
  const { days } = await readJson(req, defaultDeadlineSchema);
  const db = await getDb();
  return db.transaction((tx) => setDefaultDeadlineDays(tx, actor, days));
});
