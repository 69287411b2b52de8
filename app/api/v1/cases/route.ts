import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { casesCsv } from '@/lib/cases/export';
import { listCases } from '@/lib/cases/list';
import { caseListSchema } from '@/lib/cases/filters';
import { csvHeaders } from '@/lib/csv';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { officeToday } from '@/lib/time';

/** The case list (DESIGN §6): filters, sort and a cursor; `format=csv` streams every match as CSV. */
export const GET = apiRoute(async (req) => {
  await requirePermission('case:read');
  const { format, cursor, limit, ...filters } = readSearchParams(req.url, caseListSchema);
  const db = await getDb();
  if (format === 'csv') {
    return new Response(casesCsv(db, filters), { headers: csvHeaders(`cases-${officeToday()}.csv`) });
  }
  return listCases(db, { ...filters, cursor, limit });
});
