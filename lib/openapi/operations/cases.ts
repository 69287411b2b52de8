import { z } from 'zod';
import { caseListSchema } from '@/lib/cases/filters';
import { bulkTransitionBodySchema, transitionBodySchema } from '@/lib/cases/schemas';
import { idParamSchema } from '@/lib/http/params';
import { defaultDeadlineSchema } from '@/lib/settings';
import type { Operation } from '../types';

const refusals =
  'A refusal by the ladder is 422 (`transition_refused`) or 403 (`forbidden`, the role may not); a stale revision is 409. ' +
  'The `code` is stable and the `message` is English; clients show their own text by `code` (the web UI translates refusals).';

/** Cases and their ladder (DESIGN §3, §6). */
export const caseOperations: Operation[] = [
  { method: 'GET', path: '/api/v1/cases', tag: 'cases', summary: 'List cases', description: 'Filters, sort and a cursor; `format=csv` streams every match as CSV (UTF-8 with BOM).', access: 'case:read', query: caseListSchema, responses: [{ status: 200, description: '`{ items: Case[], nextCursor: string | null }`' }, { status: 200, mediaType: 'text/csv', description: 'With `format=csv`: every matching case.' }] },
  { method: 'GET', path: '/api/v1/cases/{id}', tag: 'cases', summary: 'One case', description: 'With its subject, operator, inspection, findings and evidence, events, re-tests, takedowns and links.', access: 'case:read', params: z.object({ id: idParamSchema }), responses: [{ status: 200, description: 'The case detail.' }] },
  { method: 'POST', path: '/api/v1/cases/{id}/transitions', tag: 'cases', summary: 'Move one case on the ladder', description: `\`expectedRevision\` is the revision you saw. ${refusals}`, access: 'case:transition', params: z.object({ id: idParamSchema }), body: { name: 'TransitionBody', schema: transitionBodySchema }, responses: [{ status: 200, description: '`{ case }` at its new revision.' }], errors: [409, 413, 422] },
  { method: 'POST', path: '/api/v1/cases/transitions', tag: 'cases', summary: 'Move many cases, all or nothing', description: `Every refused case is named in \`fields\` (by id) with its reason, and nothing changes. ${refusals}`, access: 'case:transition', body: { name: 'BulkTransitionBody', schema: bulkTransitionBodySchema }, responses: [{ status: 200, description: '`{ cases }` at their new revisions.' }], errors: [404, 409, 413, 422] },
  { method: 'GET', path: '/api/v1/settings/default-deadline', tag: 'cases', summary: 'The default rectification deadline', access: 'case:read', responses: [{ status: 200, description: '`{ days }`: calendar days from the order.' }] },
  { method: 'PUT', path: '/api/v1/settings/default-deadline', tag: 'admin', summary: 'Set the default rectification deadline', access: 'admin:settings', body: { name: 'DefaultDeadline', schema: defaultDeadlineSchema }, responses: [{ status: 200, description: '`{ days }`' }], errors: [413] },
];
