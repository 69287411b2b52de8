import { statsFiltersSchema } from '@/lib/stats/filters';
import { XLSX_MEDIA_TYPE } from '@/lib/exports/xlsx';
import { DASHBOARD_TABLES, statsTablesQuerySchema } from '@/lib/stats/tables-export';
import type { z } from 'zod';
import { breakdownSchema, byCategorySchema, bySectorSchema, summarySchema, trendSchema } from '@/lib/stats/responses';
import type { Operation } from '../types';

const stat = (path: string, summary: string, description: string, schema: z.ZodType): Operation => ({
  method: 'GET',
  path: `/api/v1/stats/${path}`,
  tag: 'stats',
  summary,
  access: 'dashboard:view',
  query: statsFiltersSchema,
  responses: [{ status: 200, description, schema }],
});

/** The dashboard's numbers (DESIGN §5, §6); every one takes the same filters. */
export const statsOperations: Operation[] = [
  stat('summary', 'Headline figures', 'The headline counts.', summarySchema),
  stat('by-sector', 'Findings and cases by sector', 'A chart series per sector.', bySectorSchema),
  stat('by-category', 'Findings by problem category', 'A chart series per category.', byCategorySchema),
  stat('trend', 'Monthly trend', 'A chart series per month.', trendSchema),
  stat('breakdown', 'Breakdown table', 'Platforms, stores, time to verification and the operators with most cases.', breakdownSchema),
  {
    method: 'GET', path: '/api/v1/stats/tables', tag: 'stats', summary: 'The dashboard tables as a spreadsheet',
    description: `Under the dashboard's filters, headers and values in the reader's language (\`lang\`, else the UI language). \`format=xlsx\`: one sheet per table (${DASHBOARD_TABLES.join(', ')}), or only \`table\`; \`format=csv\`: the one \`table\` named (required).`,
    access: 'dashboard:view', query: statsTablesQuerySchema,
    responses: [{ status: 200, mediaType: XLSX_MEDIA_TYPE, description: 'With `format=xlsx`: the workbook.' }, { status: 200, mediaType: 'text/csv', description: 'With `format=csv`: the one table (UTF-8 with BOM).' }],
  },
];
