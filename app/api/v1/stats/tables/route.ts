import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { csvHeaders, toCsv } from '@/lib/csv';
import { csvText } from '@/lib/exports/columns';
import { readerLocale } from '@/lib/exports/reader';
import { xlsxHeaders, xlsxWorkbook } from '@/lib/exports/xlsx';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { dashboardSheets, DASHBOARD_TABLES, statsTablesQuerySchema } from '@/lib/stats/tables-export';
import { officeToday } from '@/lib/time';

/** The dashboard's tables under its filters: every one as a sheet of an XLSX, or one (`table=`) as CSV. */
export const GET = apiRoute(async (req) => {
  await requirePermission('dashboard:view');
  const { format, table, lang, ...filters } = readSearchParams(req.url, statsTablesQuerySchema);
  const sheets = await dashboardSheets(await getDb(), filters, readerLocale(req, lang));
  if (format === 'csv' && table) {
    const { columns, rows } = sheets[table];
    return new Response(toCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvText(c.type, c.value(r))))]), { headers: csvHeaders(`dashboard-${table}-${officeToday()}.csv`) });
  }
  const chosen = table ? [sheets[table]] : DASHBOARD_TABLES.map((k) => sheets[k]);
  return new Response(new Uint8Array(await xlsxWorkbook(chosen)), { headers: xlsxHeaders(`dashboard-${officeToday()}.xlsx`) });
});
