import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { TOTAL_CAP } from '@/lib/http/cursor';
import { inspectionInputSchema } from '@/lib/inspections/schemas';
import { operatorListQuerySchema, subjectListQuerySchema } from '@/lib/registry/list-schemas';
import { SEARCH_MAX_LIMIT, searchQuerySchema, searchResultSchema } from '@/lib/search/schemas';
import { operatorInputSchema, subjectInputSchema, subjectLinkInputSchema } from '@/lib/registry/schemas';
import { evidenceQuerySchema } from '@/lib/evidence/download';
import { evidenceRefSchema } from '@/lib/evidence/ref';
import { inspectionCreatedResponse } from '@/lib/inspections/responses';
import { evidenceStoredResponse } from '@/lib/openapi/json';
import { linkResponse, operatorDetailResponse, operatorListResponse, operatorView, subjectCreatedResponse, subjectDetailResponse, subjectListResponse } from '@/lib/registry/responses';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });
const page = (what: string) => `\`{ items: ${what}[], nextCursor: string | null }\`: pass nextCursor back as \`cursor\` for the next page. With \`total=1\` also \`total\` and \`totalCapped\`: the matches, counted exactly up to ${TOTAL_CAP.toLocaleString('en')} (\`totalCapped: true\` when more match).`;

/** Operators, subjects, inspections and evidence (DESIGN §6). */
export const registryOperations: Operation[] = [
  {
    method: 'GET',
    path: '/api/v1/search',
    tag: 'registry',
    summary: 'One search',
    description: `Case numbers (\`#1024\` or \`1024\`), subject names current and former (Chinese too), operator names, USCCs and every identifier (package name, bundle id, appid, filing number, certificate SHA-256). Typed results, cases first, then operators, then subjects, each by id; \`matched\` says which field matched. At most ${SEARCH_MAX_LIMIT} a page (\`limit\`, default 10): follow \`nextCursor\` for the rest; it is null on the last page.`,
    access: 'case:read',
    query: searchQuerySchema,
    responses: [{ status: 200, description: '`{ items: [{ type, id, label, matched: { field, value } }], nextCursor }`', schema: searchResultSchema }],
  },
  { method: 'GET', path: '/api/v1/operators', tag: 'registry', summary: 'List operators', description: '`q` searches the name and the USCC; `region` filters.', access: 'registry:read', query: operatorListQuerySchema, responses: [{ status: 200, description: page('Operator'), schema: operatorListResponse }] },
  { method: 'POST', path: '/api/v1/operators', tag: 'registry', summary: 'Register an operator', description: 'The USCC is checked by its GB 32100-2015 check digit; a USCC already registered is a 409.', access: 'registry:write', body: { name: 'OperatorInput', schema: operatorInputSchema }, responses: [{ status: 201, description: '`{ operator }`', schema: z.object({ operator: operatorView }) }], errors: [409, 413] },
  { method: 'GET', path: '/api/v1/operators/{id}', tag: 'registry', summary: 'One operator with its subjects', access: 'registry:read', params: byId, responses: [{ status: 200, description: '`{ operator, subjects, moreSubjects }` (the first 200 subjects, each with its latest case state).', schema: operatorDetailResponse }] },
  { method: 'GET', path: '/api/v1/subjects', tag: 'registry', summary: 'List subjects', description: '`q` searches current and former names (Chinese too) and every identifier.', access: 'registry:read', query: subjectListQuerySchema, responses: [{ status: 200, description: page('Subject'), schema: subjectListResponse }] },
  { method: 'POST', path: '/api/v1/subjects', tag: 'registry', summary: 'Register a subject', description: 'Answers with the subjects it is probably the same as (shared identifiers, operator, similar name).', access: 'registry:write', body: { name: 'SubjectInput', schema: subjectInputSchema }, responses: [{ status: 201, description: '`{ subject, probableMatches }`', schema: subjectCreatedResponse }], errors: [409, 413, 422] },
  { method: 'GET', path: '/api/v1/subjects/{id}', tag: 'registry', summary: 'One subject', description: 'Identifiers, name history, store listings, cases, evidence, links and probable matches.', access: 'registry:read', params: byId, responses: [{ status: 200, description: 'The subject detail.', schema: subjectDetailResponse }] },
  { method: 'POST', path: '/api/v1/subjects/{id}/links', tag: 'registry', summary: 'Link or dismiss a probable match', access: 'registry:write', params: byId, body: { name: 'SubjectLinkInput', schema: subjectLinkInputSchema }, responses: [{ status: 201, description: '`{ link }`', schema: linkResponse }], errors: [409, 413, 422] },
  { method: 'POST', path: '/api/v1/inspections', tag: 'inspections', summary: 'Record an inspection with its findings', description: 'Evidence is named by the SHA-256 of files uploaded first (POST /api/v1/evidence). Opens the inspection’s case.', access: 'inspection:write', body: { name: 'InspectionInput', schema: inspectionInputSchema }, responses: [{ status: 201, description: 'The inspection, its findings and its case.', schema: inspectionCreatedResponse }], errors: [409, 413, 422] },
  {
    method: 'POST',
    path: '/api/v1/evidence',
    tag: 'inspections',
    summary: 'Upload an evidence file',
    description: 'At most 25 MB (26,214,400 bytes; beyond it a 413 naming the limit); a body shorter than its Content-Length, or cut off, is a 400 `incomplete_body` and stores nothing. The type is recognised by the bytes (PNG, JPEG, WebP, GIF, PDF, MP4, WebM, pcap, pcapng, HAR). 201 when new, 200 when the same bytes were stored before.',
    access: 'inspection:write',
    rawBody: { name: 'EvidenceUpload', content: { 'multipart/form-data': z.object({ file: z.string().meta({ contentMediaType: 'application/octet-stream', description: 'The file.' }) }) } },
    responses: [{ status: 201, description: 'Stored.', schema: evidenceStoredResponse }, { status: 200, description: 'Already stored (the same bytes).', schema: evidenceStoredResponse }],
    errors: [400, 413, 422],
  },
  { method: 'GET', path: '/api/v1/evidence/{sha256}', tag: 'inspections', summary: 'Download an evidence file', description: 'With its recognised media type, named by its uploaded file name (`filename*` UTF-8, RFC 5987). An attachment unless `disposition=inline` asks to show an image, PDF or recording in place (other types stay attachments); only this site\'s own pages may frame it.', access: 'case:read', params: z.object({ sha256: evidenceRefSchema }), query: evidenceQuerySchema, responses: [{ status: 200, mediaType: '*/*', description: 'The file’s bytes, with the media type recognised from them (image/png, application/pdf, video/mp4, …).' }] },
];
