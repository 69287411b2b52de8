/**
 * Operations only a signed-in person may call (an API token is refused): notices are drafted,
 * approved and published by people, and the portal answers only an operator's contact. The
 * in-process walk (tests/integration/openapi-responses.test.ts) cannot sign in, so the black-box
 * walk (tests/blackbox/openapi-responses.test.ts) calls these through the real server.
 */
export const SESSION_ONLY_OPERATIONS: readonly string[] = [
  'POST /api/v1/notices',
  'PATCH /api/v1/notices/{id}',
  'POST /api/v1/notices/{id}/approve',
  'POST /api/v1/notices/{id}/publish',
  'GET /api/portal/v1/cases',
  'GET /api/portal/v1/cases/{id}',
  'POST /api/portal/v1/cases/{id}/acknowledge',
  'POST /api/portal/v1/cases/{id}/report',
  'POST /api/portal/v1/cases/{id}/extension-request',
  'POST /api/portal/v1/cases/{id}/objection',
  'POST /api/portal/v1/evidence',
  'GET /api/portal/v1/evidence/{sha256}',
];
