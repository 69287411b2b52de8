import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute } from '@/lib/http/route';
import { flagCases, flagHistory, getFlagOrThrow } from '@/lib/offenders/queries';

/** One flag with its explanation, the latest 50 cases behind it as they are now (casesTotal: all of them), and its review history. */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('offender:read');
  const db = await getDb();
  const flag = await getFlagOrThrow(db, idParam(params.id));
  const [{ cases, total }, history] = await Promise.all([flagCases(db, flag.caseIds), flagHistory(db, [flag.id])]);
  return { flag, cases, casesTotal: total, history };
});
