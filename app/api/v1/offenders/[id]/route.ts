import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { flagCases, flagHistory, getFlagOrThrow } from '@/lib/offenders/queries';

/** One flag with its explanation, the cases behind it as they are now, and its review history. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('offender:read');
  const db = await getDb();
  const flag = await getFlagOrThrow(db, idParam(params.id));
  const [cases, history] = await Promise.all([flagCases(db, flag.caseIds), flagHistory(db, [flag.id])]);
  return { flag, cases, history };
});
