/**
 * The authorization matrix: every API route and page × who asks → what they get.
 *   'ok'  any answer but 401/403 (the request may still be refused for its content: 400/404/409/422)
 *   401   no credentials          403   wrong role          'signin'  a page redirecting to sign in
 *   'portal'  a staff page sending an operator's contact to its portal (DESIGN §9)
 * `token` is an API token acting as an inspector (the usual machine credential); `contact` is the demo
 * operator contact (DESIGN §9): 403 on every staff API, sent to /portal from every staff page.
 * e2e/authz-matrix.spec.ts walks this table and fails for any route file that has no row.
 */
export type Outcome = 'ok' | 401 | 403 | 'signin' | 'portal';
export type Who = 'anonymous' | 'inspector' | 'supervisor' | 'admin' | 'token' | 'contact';

export interface Row {
  /** METHOD and path pattern as in the app folder: `POST /api/v1/cases/[id]/transitions`. */
  route: string;
  /** A concrete path to request (ids that exist in the demo seed where it matters). */
  path?: string;
  body?: unknown;
  expect: Record<Who, Outcome>;
}

const everyone = (o: Outcome): Record<Who, Outcome> => ({ anonymous: o, inspector: o, supervisor: o, admin: o, token: o, contact: o });
// Staff APIs: an operator's contact gets 403 from every one of them.
const signedIn = (inspector: Outcome, supervisor: Outcome, admin: Outcome, token = inspector): Record<Who, Outcome> => ({ anonymous: 401, inspector, supervisor, admin, token, contact: 403 });
// A token acts with its role on pages too (browsers never send it by themselves, so no CSRF risk).
// Staff pages send an operator's contact to /portal.
const page = (inspector: Outcome, supervisor: Outcome, admin: Outcome): Record<Who, Outcome> => ({ anonymous: 'signin', inspector, supervisor, admin, token: inspector, contact: 'portal' });
// The portal (DESIGN §9): its contact only; staff and tokens get 403.
const PORTAL_API: Record<Who, Outcome> = { anonymous: 401, inspector: 403, supervisor: 403, admin: 403, token: 403, contact: 'ok' };
const PORTAL_PAGE: Record<Who, Outcome> = { anonymous: 'signin', inspector: 403, supervisor: 403, admin: 403, token: 403, contact: 'ok' };

// Shorthands for the common rows: who may, among inspector / supervisor / admin.
const READ = signedIn('ok', 'ok', 'ok');
const WORK = signedIn('ok', 'ok', 403); // inspectors and supervisors
const SUPERVISE = signedIn(403, 'ok', 403);
const ADMIN = signedIn(403, 403, 'ok');
const PUBLIC = everyone('ok');
const NONE = '/999999'; // writes name an id that does not exist, so the matrix changes nothing

export const API: Row[] = [
  { route: 'GET /api/health', expect: PUBLIC },
  { route: 'GET /api/v1/[...path]', path: '/api/v1/no-such-thing', expect: READ },
  { route: 'GET /api/v1/openapi.json', expect: READ },
  { route: 'GET /api/v1/stats/summary', expect: READ },
  { route: 'GET /api/v1/stats/by-sector', expect: READ },
  { route: 'GET /api/v1/stats/by-category', expect: READ },
  { route: 'GET /api/v1/stats/trend', expect: READ },
  { route: 'GET /api/v1/stats/breakdown', expect: READ },
  { route: 'GET /api/v1/stats/tables', path: '/api/v1/stats/tables?format=xlsx', expect: READ },
  { route: 'GET /api/v1/operators', expect: READ },
  { route: 'POST /api/v1/operators', body: {}, expect: WORK },
  { route: 'GET /api/v1/operators/[id]', path: '/api/v1/operators/1', expect: READ },
  { route: 'GET /api/v1/operators/[id]/contacts', path: '/api/v1/operators/1/contacts', expect: READ },
  { route: 'POST /api/v1/operators/[id]/contacts', path: `/api/v1/operators${NONE}/contacts`, body: {}, expect: WORK },
  { route: 'PATCH /api/v1/operators/[id]/contacts/[contactId]', path: `/api/v1/operators${NONE}/contacts${NONE}`, body: {}, expect: WORK },
  { route: 'POST /api/portal/v1/activate', body: {}, expect: PUBLIC },
  { route: 'GET /api/portal/v1/cases', expect: PORTAL_API },
  { route: 'GET /api/portal/v1/cases/[id]', path: `/api/portal/v1/cases${NONE}`, expect: PORTAL_API },
  { route: 'POST /api/portal/v1/cases/[id]/acknowledge', path: `/api/portal/v1/cases${NONE}/acknowledge`, body: {}, expect: PORTAL_API },
  { route: 'POST /api/portal/v1/cases/[id]/report', path: `/api/portal/v1/cases${NONE}/report`, body: {}, expect: PORTAL_API },
  { route: 'POST /api/portal/v1/cases/[id]/extension-request', path: `/api/portal/v1/cases${NONE}/extension-request`, body: {}, expect: PORTAL_API },
  { route: 'POST /api/portal/v1/cases/[id]/objection', path: `/api/portal/v1/cases${NONE}/objection`, body: {}, expect: PORTAL_API },
  { route: 'POST /api/portal/v1/evidence', body: {}, expect: PORTAL_API },
  { route: 'GET /api/portal/v1/evidence/[sha256]', path: `/api/portal/v1/evidence/${'0'.repeat(64)}`, expect: PORTAL_API },
  { route: 'POST /api/v1/cases/[id]/extension', path: `/api/v1/cases${NONE}/extension`, body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/portal-requests', expect: READ },
  { route: 'POST /api/v1/portal-requests/[id]/decision', path: `/api/v1/portal-requests${NONE}/decision`, body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/search', path: '/api/v1/search?q=1', expect: READ },
  { route: 'GET /api/v1/subjects', expect: READ },
  { route: 'POST /api/v1/subjects', body: {}, expect: WORK },
  { route: 'GET /api/v1/subjects/[id]', path: '/api/v1/subjects/1', expect: READ },
  { route: 'POST /api/v1/subjects/[id]/links', path: `/api/v1/subjects${NONE}/links`, body: {}, expect: WORK },
  { route: 'POST /api/v1/inspections', body: {}, expect: WORK },
  { route: 'POST /api/v1/evidence', body: {}, expect: WORK },
  { route: 'GET /api/v1/evidence/[sha256]', path: `/api/v1/evidence/${'0'.repeat(64)}`, expect: READ },
  { route: 'GET /api/v1/cases', expect: READ },
  { route: 'GET /api/v1/cases/[id]', path: '/api/v1/cases/1', expect: READ },
  { route: 'POST /api/v1/cases/[id]/transitions', path: `/api/v1/cases${NONE}/transitions`, body: {}, expect: WORK },
  { route: 'POST /api/v1/cases/transitions', body: {}, expect: WORK },
  { route: 'PUT /api/v1/cases/[id]/assignee', path: `/api/v1/cases${NONE}/assignee`, body: {}, expect: WORK },
  { route: 'GET /api/v1/cases/[id]/comments', path: '/api/v1/cases/1/comments', expect: READ },
  { route: 'POST /api/v1/cases/[id]/comments', path: `/api/v1/cases${NONE}/comments`, body: {}, expect: WORK },
  { route: 'GET /api/v1/users/me', expect: READ },
  { route: 'GET /api/v1/campaigns', expect: READ },
  { route: 'POST /api/v1/campaigns', body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/campaigns/[idOrCode]', path: '/api/v1/campaigns/no-such-campaign', expect: READ },
  { route: 'PATCH /api/v1/campaigns/[idOrCode]', path: '/api/v1/campaigns/no-such-campaign', body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/settings/default-deadline', expect: READ },
  { route: 'PUT /api/v1/settings/default-deadline', body: {}, expect: ADMIN },
  { route: 'GET /api/v1/offenders', expect: READ },
  { route: 'GET /api/v1/offenders/[id]', path: '/api/v1/offenders/1', expect: READ },
  { route: 'POST /api/v1/offenders/[id]/review', path: `/api/v1/offenders${NONE}/review`, body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/offender-rules', expect: READ },
  { route: 'PUT /api/v1/offender-rules/[rule]', path: '/api/v1/offender-rules/operator_recurrence', body: {}, expect: ADMIN },
  { route: 'GET /api/v1/imports', expect: WORK },
  { route: 'POST /api/v1/imports', body: {}, expect: WORK },
  { route: 'GET /api/v1/imports/[id]', path: `/api/v1/imports${NONE}`, expect: WORK },
  { route: 'POST /api/v1/imports/[id]/cancel', path: `/api/v1/imports${NONE}/cancel`, body: {}, expect: WORK },
  { route: 'GET /api/v1/imports/[id]/rejections', path: `/api/v1/imports${NONE}/rejections`, expect: WORK },
  { route: 'GET /api/v1/notices', expect: READ },
  { route: 'POST /api/v1/notices', body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/notices/candidates', path: '/api/v1/notices/candidates?kind=rectification', expect: SUPERVISE },
  { route: 'GET /api/v1/notices/[id]', path: '/api/v1/notices/1', expect: READ },
  { route: 'PATCH /api/v1/notices/[id]', path: `/api/v1/notices${NONE}`, body: {}, expect: SUPERVISE },
  { route: 'POST /api/v1/notices/[id]/approve', path: `/api/v1/notices${NONE}/approve`, body: {}, expect: SUPERVISE },
  { route: 'POST /api/v1/notices/[id]/publish', path: `/api/v1/notices${NONE}/publish`, body: {}, expect: SUPERVISE },
  { route: 'GET /api/v1/sectors', expect: READ },
  { route: 'POST /api/v1/sectors', body: {}, expect: ADMIN },
  { route: 'PATCH /api/v1/sectors/[code]', path: '/api/v1/sectors/no_such_sector', body: {}, expect: ADMIN },
  { route: 'GET /api/v1/categories', expect: READ },
  { route: 'POST /api/v1/categories', body: {}, expect: ADMIN },
  { route: 'PATCH /api/v1/categories/[code]', path: '/api/v1/categories/no_such_category', body: {}, expect: ADMIN },
  { route: 'GET /api/v1/stores', expect: READ },
  { route: 'POST /api/v1/stores', body: {}, expect: ADMIN },
  { route: 'PATCH /api/v1/stores/[code]', path: '/api/v1/stores/no_such_store', body: {}, expect: ADMIN },
  { route: 'GET /api/v1/regions', expect: READ },
  { route: 'GET /api/v1/users', expect: ADMIN },
  { route: 'POST /api/v1/users', body: {}, expect: ADMIN },
  { route: 'PATCH /api/v1/users/[id]', path: `/api/v1/users${NONE}`, body: { role: 'inspector' }, expect: ADMIN },
  { route: 'GET /api/v1/tokens', expect: ADMIN },
  { route: 'POST /api/v1/tokens', body: {}, expect: ADMIN },
  { route: 'DELETE /api/v1/tokens/[id]', path: `/api/v1/tokens${NONE}`, expect: ADMIN },
  { route: 'GET /api/public/notices', expect: PUBLIC },
  { route: 'GET /api/public/notices/[slug]', path: '/api/public/notices/no-such-notice', expect: PUBLIC },
  { route: 'GET /notices/feed.xml', expect: PUBLIC },
];

export const PAGES: Row[] = [
  { route: 'GET /signin', expect: PUBLIC },
  { route: 'GET /unavailable', path: '/unavailable?from=/notices', expect: PUBLIC },
  { route: 'GET /notices', expect: PUBLIC },
  { route: 'GET /notices/[slug]', path: '/notices/no-such-notice', expect: PUBLIC },
  { route: 'GET /notices/[slug]/print', path: '/notices/no-such-notice/print', expect: PUBLIC },
  { route: 'GET /', expect: { ...page('ok', 'ok', 'ok'), anonymous: 'ok' } }, // the public is sent on to /notices (issue #16)
  { route: 'GET /subjects', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /subjects/new', expect: page('ok', 'ok', 403) },
  { route: 'GET /subjects/[id]', path: '/subjects/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /subjects/[id]/edit', path: '/subjects/1/edit', expect: page('ok', 'ok', 403) },
  { route: 'GET /operators', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /operators/new', expect: page('ok', 'ok', 403) },
  { route: 'GET /operators/[id]', path: '/operators/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /operators/[id]/edit', path: '/operators/1/edit', expect: page('ok', 'ok', 403) },
  { route: 'GET /inspections/new', expect: page('ok', 'ok', 403) },
  { route: 'GET /cases', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /cases/[id]', path: '/cases/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /cases/[id]/order', path: '/cases/1/order', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /cases/[id]/file', path: '/cases/1/file', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /campaigns', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /campaigns/new', expect: page(403, 'ok', 403) },
  { route: 'GET /campaigns/[idOrCode]', path: '/campaigns/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /campaigns/[idOrCode]/edit', path: '/campaigns/1/edit', expect: page(403, 'ok', 403) },
  { route: 'GET /queue', expect: page('ok', 'ok', 403) },
  { route: 'GET /imports', expect: page('ok', 'ok', 403) },
  { route: 'GET /imports/[id]', path: '/imports/999999', expect: page('ok', 'ok', 403) },
  { route: 'GET /offenders', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /offenders/[id]', path: '/offenders/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /offenders/operators/[id]', path: '/offenders/operators/1', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /notices/manage', expect: page(403, 'ok', 403) },
  { route: 'GET /notices/manage/new', expect: page(403, 'ok', 403) },
  { route: 'GET /notices/manage/[id]', path: '/notices/manage/1', expect: page(403, 'ok', 403) },
  { route: 'GET /admin/users', expect: page(403, 403, 'ok') },
  { route: 'GET /admin/tokens', expect: page(403, 403, 'ok') },
  { route: 'GET /admin/settings', expect: page(403, 403, 'ok') },
  { route: 'GET /admin/rules', expect: page(403, 403, 'ok') },
  { route: 'GET /admin/taxonomies', expect: page(403, 403, 'ok') },
  { route: 'GET /api-docs', expect: page('ok', 'ok', 'ok') },
  { route: 'GET /portal', expect: PORTAL_PAGE },
  { route: 'GET /portal/cases/[id]', path: '/portal/cases/999999', expect: PORTAL_PAGE },
  { route: 'GET /portal/activate', path: '/portal/activate?token=no-such-token', expect: PUBLIC },
];

/** Route files that are not the product's own entry points (next-auth's handler is checked by sign-in tests). */
export const EXEMPT = ['/api/auth/[...nextauth]'];

/**
 * Every server action (lib/<area>/actions.ts, all defined through lib/actions/define.ts) × who calls
 * it. tests/integration/actions-matrix.test.ts fails for an action without a row, and calls each one
 * as each caller: a refused caller gets its 401/403 with no row written and no audit event.
 */
export const ACTIONS: Record<string, Record<Who, Outcome>> = {
  createUser: ADMIN,
  updateUser: ADMIN,
  createToken: ADMIN,
  revokeToken: ADMIN,
  setDefaultDeadline: ADMIN,
  setOfficeNames: ADMIN,
  updateOffenderRule: ADMIN,
  createTaxonomyEntry: ADMIN,
  updateTaxonomyEntry: ADMIN,
  createCategory: ADMIN,
  updateCategory: ADMIN,
  transitionCase: WORK,
  transitionCases: WORK,
  transitionMatchingCases: WORK,
  countMatchingCases: WORK,
  saveOperator: WORK,
  saveSubject: WORK,
  decideSubjectLink: WORK,
  createInspection: WORK,
  inviteContact: WORK,
  updateContact: WORK,
  reviewOffender: SUPERVISE,
  decidePortalRequest: SUPERVISE,
  extendCase: SUPERVISE,
  createCampaign: SUPERVISE,
  updateCampaign: SUPERVISE,
  closeCampaign: SUPERVISE,
  createNotice: SUPERVISE,
  updateNotice: SUPERVISE,
  approveNotice: SUPERVISE,
  publishNotice: SUPERVISE,
  acknowledgeOrder: PORTAL_API,
  reportFix: PORTAL_API,
  requestExtension: PORTAL_API,
  objectToFinding: PORTAL_API,
  readNotifications: PORTAL_API,
  activateContact: PUBLIC,
  setLocale: PUBLIC,
};
