import { z } from 'zod';
import { XLSX_MEDIA_TYPE } from '@/lib/exports/xlsx';
import { idParamSchema } from '@/lib/http/params';
import { candidateQuerySchema, noticeDraftSchema, noticeListQuerySchema, noticeUpdateSchema, publicListQuerySchema, publicNoticeQuerySchema } from '@/lib/notices/schemas';
import * as R from '../responses';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });

/** Notices for staff (draft, four-eyes approval, publication) and the public pages' API. */
export const noticeOperations: Operation[] = [
  { method: 'GET', path: '/api/v1/notices', tag: 'notices', summary: 'List the office’s notices', access: 'notice:read', query: noticeListQuerySchema, responses: [{ status: 200, description: '`{ notices, total }`, every status unless filtered: the newest 200 (`total` counts them all; filter by `status` to reach others).', schema: R.noticeListResponse }] },
  { method: 'POST', path: '/api/v1/notices', tag: 'notices', summary: 'Draft a notice', access: 'notice:draft', body: { name: 'NoticeDraft', schema: noticeDraftSchema }, responses: [{ status: 201, description: '`{ notice }`', schema: R.noticeResponse }], errors: [409, 413, 422] },
  { method: 'GET', path: '/api/v1/notices/candidates', tag: 'notices', summary: 'Cases a notice may list now', access: 'notice:draft', query: candidateQuerySchema, description: 'Earliest deadline first, at most 200 a page (`limit`, default 50); `total` counts every match and `nextCursor` continues (null on the last page).', responses: [{ status: 200, description: '`{ items, total, nextCursor }`', schema: R.candidatesResponse }] },
  { method: 'GET', path: '/api/v1/notices/{id}', tag: 'notices', summary: 'One notice', description: 'With each listed case’s current state and revision.', access: 'notice:read', params: byId, responses: [{ status: 200, description: '`{ notice, authorName, approverName, corrects, correctedBy, entries }`', schema: R.noticeDetailResponse }] },
  { method: 'PATCH', path: '/api/v1/notices/{id}', tag: 'notices', summary: 'Replace a draft', description: 'Its author only, until approved; the same body as a new draft plus `expectedRevision`.', access: 'notice:draft', params: byId, body: { name: 'NoticeUpdate', schema: noticeUpdateSchema }, responses: [{ status: 200, description: '`{ notice }`', schema: R.noticeResponse }], errors: [409, 413, 422] },
  { method: 'POST', path: '/api/v1/notices/{id}/approve', tag: 'notices', summary: 'Approve a draft (four eyes)', description: 'By a supervisor other than the author (403 for the author).', access: 'notice:approve', params: byId, responses: [{ status: 200, description: '`{ notice }`', schema: R.noticeResponse }], errors: [409, 422] },
  { method: 'POST', path: '/api/v1/notices/{id}/publish', tag: 'notices', summary: 'Publish an approved notice', description: 'Moves every listed case in the same transaction; any refusal (naming the case) publishes nothing.', access: 'notice:publish', params: byId, responses: [{ status: 200, description: '`{ notice }`', schema: R.noticeResponse }], errors: [409, 422] },
  { method: 'GET', path: '/api/public/notices', tag: 'public', summary: 'Published notices', description: 'Newest first; no sign-in.', access: 'public', query: publicListQuerySchema, responses: [{ status: 200, description: 'A page of published notices and the cursor of the next.', schema: R.publicNoticeListResponse }] },
  { method: 'GET', path: '/api/public/notices/{slug}', tag: 'public', summary: 'One published notice', description: 'With its annex; `format=csv` (UTF-8 with BOM) or `format=xlsx` (versions and filing numbers kept as text) downloads the annex (`lang=en` for English).', access: 'public', params: z.object({ slug: z.string() }), query: publicNoticeQuerySchema, responses: [{ status: 200, description: 'The notice and its annex.', schema: R.publicNoticeResponse }, { status: 200, mediaType: 'text/csv', description: 'With `format=csv`: the annex.' }, { status: 200, mediaType: XLSX_MEDIA_TYPE, description: 'With `format=xlsx`: the annex, one sheet.' }] },
  { method: 'GET', path: '/notices/feed.xml', tag: 'public', summary: 'Feed of published notices', access: 'public', responses: [{ status: 200, mediaType: 'application/atom+xml', description: 'An Atom feed, newest first.' }], errors: [] },
];
