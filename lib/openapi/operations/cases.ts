import { z } from 'zod';
import { caseListSchema } from '@/lib/cases/filters';
import { bulkTransitionBodySchema, transitionBodySchema } from '@/lib/cases/schemas';
import { idParamSchema } from '@/lib/http/params';
import { defaultDeadlineSchema } from '@/lib/settings';
import { MAX_XLSX_ROWS, XLSX_MEDIA_TYPE } from '@/lib/exports/xlsx';
import { OFFICE_TIME_ZONE } from '@/lib/time';
import { caseDetailResponse, caseListResponse, caseResponse, casesResponse, deadlineDaysResponse } from '@/lib/cases/responses';
import type { Operation } from '../types';

const refusals =
  'A refusal by the ladder is 422 (`transition_refused`) or 403 (`forbidden`, the role may not); a stale revision is 409. ' +
  'The `code` is stable and the `message` is English; clients show their own text by `code` (the web UI translates refusals).';

/** Cases and their ladder (DESIGN §3, §6). */
export const caseOperations: Operation[] = [
  { method: 'GET', path: '/api/v1/cases', tag: 'cases', summary: 'List cases', description: `Filters, sort and a cursor; \`assignee=me\` is "my cases" (a user only: an API token names the user id). \`format=csv\` (UTF-8 with BOM) and \`format=xlsx\` stream every match, headers and values in the reader's language (\`lang\`, else the UI language) and times in office time (${OFFICE_TIME_ZONE}); in the XLSX, text stays text (version "1.10"). An XLSX holds at most ${MAX_XLSX_ROWS.toLocaleString('en')} rows: more matches are a 422 naming \`format\` (narrow the filters, or take the CSV, which has no limit).`, access: 'case:read', query: caseListSchema, responses: [{ status: 200, description: 'A page of cases.', schema: caseListResponse }, { status: 200, mediaType: 'text/csv', description: 'With `format=csv`: every matching case.' }, { status: 200, mediaType: XLSX_MEDIA_TYPE, description: `With \`format=xlsx\`: every matching case (at most ${MAX_XLSX_ROWS.toLocaleString('en')}), one sheet.` }], errors: [422] },
  { method: 'GET', path: '/api/v1/cases/{id}', tag: 'cases', summary: 'One case', description: 'With its subject, operator, inspection, findings and evidence, events, re-tests, takedowns and links.', access: 'case:read', params: z.object({ id: idParamSchema }), responses: [{ status: 200, description: 'The case detail.', schema: caseDetailResponse }] },
  { method: 'POST', path: '/api/v1/cases/{id}/transitions', tag: 'cases', summary: 'Move one case on the ladder', description: `\`expectedRevision\` is the revision you saw. ${refusals}`, access: 'case:transition', params: z.object({ id: idParamSchema }), body: { name: 'TransitionBody', schema: transitionBodySchema }, responses: [{ status: 200, description: '`{ case }` at its new revision.', schema: caseResponse }], errors: [409, 413, 422] },
  { method: 'POST', path: '/api/v1/cases/transitions', tag: 'cases', summary: 'Move many cases, all or nothing', description: `Every refused case is named in \`fields\` (by id) with its reason, and nothing changes. ${refusals}`, access: 'case:transition', body: { name: 'BulkTransitionBody', schema: bulkTransitionBodySchema }, responses: [{ status: 200, description: '`{ cases }` at their new revisions.', schema: casesResponse }], errors: [404, 409, 413, 422] },
  { method: 'GET', path: '/api/v1/settings/default-deadline', tag: 'cases', summary: 'The default rectification deadline', access: 'case:read', responses: [{ status: 200, description: '`{ days }`: calendar days from the order.', schema: deadlineDaysResponse }] },
  { method: 'PUT', path: '/api/v1/settings/default-deadline', tag: 'admin', summary: 'Set the default rectification deadline', access: 'admin:settings', body: { name: 'DefaultDeadline', schema: defaultDeadlineSchema }, responses: [{ status: 200, description: '`{ days, previous }`', schema: deadlineDaysResponse.extend({ previous: deadlineDaysResponse.shape.days }) }], errors: [413] },
];
