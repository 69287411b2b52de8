import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { evidenceQuerySchema } from '@/lib/evidence/download';
import { activateSchema, ACTIVATION_DAYS, inviteContactSchema, updateContactSchema } from '@/lib/portal/contact-schemas';
import { decisionSchema, EXTENSION_MAX_DAYS, extensionRequestSchema, extensionSchema, objectionSchema, portalCaseListQuerySchema, PORTAL_EVIDENCE_MAX, reportBodySchema } from '@/lib/portal/schemas';
import { ACK_DAYS, STAFF_LIST_MAX } from '@/lib/portal/staff';
import { actionSchema, contactSchema, extensionResponse, portalActionRow, portalCaseListResponse, portalCaseSchema, portalQueuesResponse } from '@/lib/portal/responses';
import { evidenceStoredResponse } from '@/lib/openapi/json';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });
const byContact = z.object({ id: idParamSchema, contactId: idParamSchema });

/** The operator's side (DESIGN §9): contacts invited by staff, and the portal's own API. */
export const portalOperations: Operation[] = [
  {
    method: 'GET', path: '/api/v1/operators/{id}/contacts', tag: 'portal', summary: 'An operator’s contacts',
    description: 'Each contact with its status (`invited`, `expired`, `active`, `disabled`) and last sign-in. Never a password or an activation secret.',
    access: 'registry:read', params: byId,
    responses: [{ status: 200, description: '`{ items }`', schema: z.object({ items: z.array(contactSchema) }) }], errors: [404],
  },
  {
    method: 'POST', path: '/api/v1/operators/{id}/contacts', tag: 'portal', summary: 'Invite a contact for an operator',
    description: `\`{ name, email }\`. The answer carries a one-time \`activationUrl\` (\`/portal/activate?token=…\`), valid ${ACTIVATION_DAYS} days and shown only here: the database keeps only its SHA-256. An email already in use is a 409. Audited (\`contact.invite\`).`,
    access: 'contact:invite', params: byId, body: { name: 'InviteContact', schema: inviteContactSchema },
    responses: [{ status: 201, description: 'The contact and its activation link.', schema: z.object({ contact: contactSchema, activationUrl: z.string() }) }], errors: [404, 409, 413],
  },
  {
    method: 'PATCH', path: '/api/v1/operators/{id}/contacts/{contactId}', tag: 'portal', summary: 'Disable or re-enable a contact',
    description: '`{ disabled: true }` ends the contact’s sessions at once; `false` lets it sign in again. Audited (`contact.disable`, `contact.enable`).',
    access: 'contact:invite', params: byContact, body: { name: 'UpdateContact', schema: updateContactSchema },
    responses: [{ status: 200, description: '`{ contact }`', schema: z.object({ contact: contactSchema }) }], errors: [404, 413],
  },
  {
    method: 'POST', path: '/api/portal/v1/activate', tag: 'portal', summary: 'Activate a contact (set its password)',
    description: `No session: the invitation's token is the credential. It works once and for ${ACTIVATION_DAYS} days: a used or unknown token is a 404, an expired one a 422, both naming \`token\`. The password follows the staff policy (at least 12 characters, three of upper case, lower case, digits, symbols; not the email's user name): a 400 naming \`password\`.`,
    access: 'public', body: { name: 'Activate', schema: activateSchema },
    responses: [{ status: 200, description: '`{ activated: true, email }`', schema: z.object({ activated: z.literal(true), email: z.string() }) }], errors: [400, 404, 413, 422],
  },
];

const bySha = z.object({ sha256: z.string().describe('64 lower-case hex digits') });
const scope = 'Scoped to the contact’s own operator: another operator’s case (or any id that does not exist) is a 404.';

export const portalCaseOperations: Operation[] = [
  { method: 'GET', path: '/api/portal/v1/cases', tag: 'portal', summary: 'The contact’s cases', description: `The cases of the contact's operator, open work first, a cursor page at a time (\`limit\` ≤ 200, 50 by default): pass \`nextCursor\` back as \`cursor\`. \`total\` counts every case of the operator, \`open\` those still to act on. ${scope}`, access: 'portal:read', query: portalCaseListQuerySchema, responses: [{ status: 200, description: '`{ items, nextCursor, total, open }`', schema: portalCaseListResponse }] },
  { method: 'GET', path: '/api/portal/v1/cases/{id}', tag: 'portal', summary: 'One of the contact’s cases', description: `Findings with category, severity, legal basis and files; state changes without names; the contact's actions and the office's decisions; deadline extensions; published notices naming it. Never inspectors' names or internal comments. ${scope}`, access: 'portal:read', params: byId, responses: [{ status: 200, description: 'The case.', schema: portalCaseSchema }], errors: [404] },
  { method: 'POST', path: '/api/portal/v1/cases/{id}/acknowledge', tag: 'portal', summary: 'Acknowledge the order', description: `On an ordered or notified case (else 422 naming \`state\`), once per order (again: 409). ${scope}`, access: 'portal:act', params: byId, responses: [{ status: 201, description: '`{ action }`', schema: z.object({ action: actionSchema }) }], errors: [404, 409, 422] },
  { method: 'POST', path: '/api/portal/v1/cases/{id}/report', tag: 'portal', summary: 'Report the fix', description: `\`{ version, description, evidence }\` (evidence: SHA-256s of files this contact uploaded, at most ${PORTAL_EVIDENCE_MAX}; another's file is a 422 naming \`evidence.N\`). The case moves to \`rectified\` through the ladder with the contact as the actor (refusals as for transitions) and lands in the inspectors' "fixes to verify". ${scope}`, access: 'portal:act', params: byId, body: { name: 'PortalReport', schema: reportBodySchema }, responses: [{ status: 201, description: '`{ action, case }`', schema: z.object({ action: actionSchema, case: z.object({ id: z.number().int(), state: z.string(), revision: z.number().int() }) }) }], errors: [404, 409, 413, 422] },
  { method: 'POST', path: '/api/portal/v1/cases/{id}/extension-request', tag: 'portal', summary: 'Ask for more time', description: `\`{ until, reason }\`: a date after the current deadline and today, at most ${EXTENSION_MAX_DAYS} days ahead (else 422 naming \`until\`); one request waiting per case (409). A supervisor grants or refuses it. ${scope}`, access: 'portal:act', params: byId, body: { name: 'PortalExtensionRequest', schema: extensionRequestSchema }, responses: [{ status: 201, description: '`{ action }`', schema: z.object({ action: actionSchema }) }], errors: [404, 409, 413, 422] },
  { method: 'POST', path: '/api/portal/v1/cases/{id}/objection', tag: 'portal', summary: 'Object to a finding', description: `\`{ findingId, reason, evidence }\` on a case not closed; the finding must be one of the case's (422 naming \`findingId\`); one objection waiting per finding (409). A supervisor upholds the finding or withdraws the case. ${scope}`, access: 'portal:act', params: byId, body: { name: 'PortalObjection', schema: objectionSchema }, responses: [{ status: 201, description: '`{ action }`', schema: z.object({ action: actionSchema }) }], errors: [404, 409, 413, 422] },
  { method: 'POST', path: '/api/portal/v1/evidence', tag: 'portal', summary: 'Upload a file (contact)', description: 'Multipart field `file`, at most 25 MB, its type checked by its bytes, as staff uploads. Answers its SHA-256 to attach to a report or an objection.', access: 'portal:act', rawBody: { name: 'PortalEvidenceUpload', content: { 'multipart/form-data': z.object({ file: z.string().describe('binary') }) } }, responses: [{ status: 201, description: 'Stored.', schema: evidenceStoredResponse }, { status: 200, description: 'Already stored (same bytes).', schema: evidenceStoredResponse }], errors: [400, 413, 415] },
  { method: 'GET', path: '/api/portal/v1/evidence/{sha256}', tag: 'portal', summary: 'A file (contact)', description: `A file of the findings of the contact's operator's cases, or one of its own uploads; any other is a 404.`, access: 'portal:read', params: bySha, query: evidenceQuerySchema, responses: [{ status: 200, mediaType: '*/*', description: 'The bytes with their recognised media type, named by their uploaded name.' }], errors: [404] },
  { method: 'POST', path: '/api/v1/cases/{id}/extension', tag: 'cases', summary: 'Extend a deadline', description: `\`{ until, reason }\` on an ordered or notified case (else 422 naming \`state\`): a date after the current deadline and today, at most ${EXTENSION_MAX_DAYS} days ahead. The state stays; the extension is on the timeline and audited (\`case.extend\`).`, access: 'case:extend', params: byId, body: { name: 'Extension', schema: extensionSchema }, responses: [{ status: 201, description: '`{ extension }`', schema: extensionResponse }], errors: [404, 413, 422] },
  { method: 'GET', path: '/api/v1/portal-requests', tag: 'portal', summary: 'The office’s portal queues', description: `Contacts' requests waiting for a decision, fixes to verify (rectified cases, \`viaPortal\` when the contact reported it), and orders not acknowledged ${ACK_DAYS} days after they were given (operators with an active contact). Each at most ${STAFF_LIST_MAX}, oldest first.`, access: 'case:read', responses: [{ status: 200, description: 'The three lists.', schema: portalQueuesResponse }] },
  { method: 'POST', path: '/api/v1/portal-requests/{id}/decision', tag: 'portal', summary: 'Decide a contact’s request', description: '`{ decision, reason }`: a request for more time is `grant`ed (the deadline moves, DESIGN §3) or `refuse`d; an objection `uphold`s the finding or `withdraw`s the case (through the ladder). The reason is shown to the contact. Decided already: 409.', access: 'case:extend', params: byId, body: { name: 'Decision', schema: decisionSchema }, responses: [{ status: 200, description: '`{ action }`', schema: z.object({ action: portalActionRow }) }], errors: [404, 409, 413, 422] },
];
