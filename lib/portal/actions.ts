'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { defineAction, idInput, type Refused } from '@/lib/actions/define';
import * as commands from './commands';
import { activateSchema, inviteContactSchema, updateContactSchema } from './contact-schemas';
import * as contacts from './contacts';
import { decideRequest } from './decisions';
import { markNotificationsRead } from './messages';
import { decisionSchema, extensionRequestSchema, extensionSchema, objectionSchema, reportBodySchema } from './schemas';

/** The activation page's form: no session; the one-time token is the credential. */
export const activateContact = defineAction({
  name: 'activateContact',
  permission: 'public',
  schema: activateSchema,
  transaction: 'own',
  run: ({ input }) => contacts.activateContact(input),
});

/** Staff, on the operator's page: invites a contact; the activation path is shown once. */
export const inviteContact = defineAction({
  name: 'inviteContact',
  permission: 'contact:invite',
  target: { operatorId: idInput },
  schema: inviteContactSchema,
  transaction: 'own',
  run: async ({ actor, input: { operatorId, ...body } }) => {
    const { contact, activationPath } = await contacts.inviteContact(actor, operatorId, body);
    return { contact: { id: contact.id, name: contact.name }, activationPath, operatorId };
  },
  after: ({ operatorId }) => revalidatePath(`/operators/${operatorId}`),
});

/** Staff, on the operator's page: disables a contact at once (its sessions end) or enables it again. */
export const updateContact = defineAction({
  name: 'updateContact',
  permission: 'contact:invite',
  target: { operatorId: idInput, contactId: idInput },
  schema: updateContactSchema,
  transaction: 'own',
  run: async ({ actor, input: { operatorId, contactId, ...body } }) => {
    const contact = await contacts.updateContact(actor, operatorId, contactId, body);
    return { id: contact.id, status: contact.status };
  },
  after: (_data, { operatorId }) => revalidatePath(`/operators/${operatorId}`),
});

async function untilInWords(result: Refused): Promise<Refused> {
  if (result.status !== 422 || !result.fieldErrors.until) return result;
  const t = await getTranslations('portal.errors');
  return { ...result, fieldErrors: { ...result.fieldErrors, until: t('untilRange') } };
}

/** A supervisor decides a contact's request (grant / refuse more time; uphold the finding / withdraw the case). */
export const decidePortalRequest = defineAction({
  name: 'decidePortalRequest',
  permission: 'case:extend',
  target: { requestId: idInput },
  schema: decisionSchema,
  transaction: 'own',
  run: async ({ actor, input: { requestId, ...body } }) => {
    const action = await decideRequest(actor, requestId, body);
    return { caseId: action.caseId };
  },
  localize: untilInWords,
  after: ({ caseId }) => {
    revalidatePath(`/cases/${caseId}`);
    revalidatePath('/queue');
  },
});

/** A supervisor extends an ordered or notified case's deadline. */
export const extendCase = defineAction({
  name: 'extendCase',
  permission: 'case:extend',
  target: { caseId: idInput },
  schema: extensionSchema,
  transaction: 'own',
  run: async ({ actor, input: { caseId, ...body } }) => {
    await commands.extendCase(actor, caseId, body);
  },
  localize: untilInWords,
  after: (_data, { caseId }) => revalidatePath(`/cases/${caseId}`),
});

/** The portal's refusals in the reader's language, by the field they name and their status. */
const REFUSAL_KEYS: Record<string, string> = {
  'until:422': 'untilRange',
  'until:409': 'requestWaiting',
  'state:422': 'stateNotOpen',
  'case:409': 'alreadyAcknowledged',
  'findingId:422': 'notThisFinding',
  'findingId:409': 'objectionWaiting',
  'expectedRevision:409': 'changed',
};

async function portalRefusal(result: Refused): Promise<Refused> {
  const t = await getTranslations('portal.errors');
  const fieldErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(result.fieldErrors)) {
    const key = field.startsWith('evidence.') && result.status === 422 ? 'notYourFile' : REFUSAL_KEYS[`${field}:${result.status}`];
    fieldErrors[field.startsWith('evidence.') ? 'evidence' : field] = key ? t(key as 'changed') : message;
  }
  return { ...result, fieldErrors };
}

function portalCaseChanged(caseId: number) {
  revalidatePath(`/portal/cases/${caseId}`);
  revalidatePath('/portal');
}

export const acknowledgeOrder = defineAction({
  name: 'acknowledgeOrder',
  permission: 'portal:act',
  target: { caseId: idInput },
  schema: z.object({}),
  transaction: 'own',
  run: async ({ actor, input }) => {
    await commands.acknowledgeOrder(actor, input.caseId);
  },
  localize: portalRefusal,
  after: (_data, { caseId }) => portalCaseChanged(caseId),
});

export const reportFix = defineAction({
  name: 'reportFix',
  permission: 'portal:act',
  target: { caseId: idInput },
  schema: reportBodySchema,
  transaction: 'own',
  run: async ({ actor, input: { caseId, ...body } }) => {
    await commands.reportFix(actor, caseId, body);
  },
  localize: portalRefusal,
  after: (_data, { caseId }) => portalCaseChanged(caseId),
});

export const requestExtension = defineAction({
  name: 'requestExtension',
  permission: 'portal:act',
  target: { caseId: idInput },
  schema: extensionRequestSchema,
  transaction: 'own',
  run: async ({ actor, input: { caseId, ...body } }) => {
    await commands.requestExtension(actor, caseId, body);
  },
  localize: portalRefusal,
  after: (_data, { caseId }) => portalCaseChanged(caseId),
});

export const objectToFinding = defineAction({
  name: 'objectToFinding',
  permission: 'portal:act',
  target: { caseId: idInput },
  schema: objectionSchema,
  transaction: 'own',
  run: async ({ actor, input: { caseId, ...body } }) => {
    await commands.objectToFinding(actor, caseId, body);
  },
  localize: portalRefusal,
  after: (_data, { caseId }) => portalCaseChanged(caseId),
});

/** The contact marks its notifications read. */
export const readNotifications = defineAction({
  name: 'readNotifications',
  permission: 'portal:read',
  schema: z.object({}),
  run: async ({ actor, tx }) => {
    await markNotificationsRead(tx, actor);
  },
  after: () => revalidatePath('/portal'),
});
