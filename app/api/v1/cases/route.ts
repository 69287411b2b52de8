import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { caseExportColumns, casesCsv, casesXlsx } from '@/lib/cases/export';
import { caseExportLabels } from '@/lib/cases/export-labels';
import { caseListSchema, resolveAssignee } from '@/lib/cases/filters';
import { countCasesUpTo, listCases } from '@/lib/cases/list';
import { csvHeaders } from '@/lib/csv';
import { readerLocale } from '@/lib/exports/reader';
import { xlsxHeaders, xlsxRowCap } from '@/lib/exports/xlsx';
import { unprocessable } from '@/lib/http/errors';
import { apiRoute, readSearchParams } from '@/lib/http/route';
import { officeToday } from '@/lib/time';

/**
 * The case list (DESIGN §6): filters, sort and a cursor. `format=csv` and `format=xlsx` stream every
 * match with headers and values in the reader's language and times in office time; an XLSX holds at
 * most MAX_XLSX_ROWS rows (more is a 422 naming `format`: narrow the filters or take the CSV).
 */
export const GET = apiRoute(async (req) => {
  const actor = await requirePermission('case:read');
  const { format, cursor, limit, lang, ...query } = readSearchParams(req.url, caseListSchema);
  const filters = resolveAssignee(query, actor);
  const db = await getDb();
  if (format === 'csv' || format === 'xlsx') {
    const locale = readerLocale(req, lang);
    const columns = caseExportColumns(locale, await caseExportLabels(db));
    if (format === 'csv') return new Response(casesCsv(db, filters, columns), { headers: csvHeaders(`cases-${officeToday()}.csv`) });
    const cap = xlsxRowCap();
    if ((await countCasesUpTo(db, filters, cap)) > cap) {
      throw unprocessable(`More than ${cap} cases match: an XLSX export holds at most ${cap} rows.`, {
        format: `At most ${cap} rows in an XLSX export: narrow the filters, or use format=csv (no limit).`,
      });
    }
    return new Response(casesXlsx(db, filters, columns, locale), { headers: xlsxHeaders(`cases-${officeToday()}.xlsx`) });
  }
  return listCases(db, { ...filters, cursor, limit });
});
