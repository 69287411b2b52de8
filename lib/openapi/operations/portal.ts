import { z } from 'zod';
import { idParamSchema } from '@/lib/http/params';
import { activateSchema, ACTIVATION_DAYS, inviteContactSchema, updateContactSchema } from '@/lib/portal/contact-schemas';
import type { Operation } from '../types';

const byId = z.object({ id: idParamSchema });
const byContact = z.object({ id: idParamSchema, contactId: idParamSchema });

const contactSchema = z.object({
  id: z.number().int(),
  operatorId: z.number().int(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['invited', 'expired', 'active', 'disabled']),
  invitedAt: z.string().describe('ISO 8601'),
  activationExpiresAt: z.string().describe('ISO 8601'),
  activatedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
});

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
