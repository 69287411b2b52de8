import { statsFiltersSchema } from '@/lib/stats/filters';
import type { Operation } from '../types';

const stat = (path: string, summary: string, description: string): Operation => ({
  method: 'GET',
  path: `/api/v1/stats/${path}`,
  tag: 'stats',
  summary,
  access: 'dashboard:view',
  query: statsFiltersSchema,
  responses: [{ status: 200, description }],
});

/** The dashboard's numbers (DESIGN §5, §6); every one takes the same filters. */
export const statsOperations: Operation[] = [
  stat('summary', 'Headline figures', '`{ subjects, inspections, findings, cases: { current, funnel, overdue }, repeatOffenders: { operators, subjects } }`'),
  stat('by-sector', 'Findings and cases by sector', 'A chart series per sector.'),
  stat('by-category', 'Findings by problem category', 'A chart series per category.'),
  stat('trend', 'Monthly trend', 'A chart series per month.'),
  stat('breakdown', 'Breakdown table', 'Rows by sector and category with their counts.'),
];
