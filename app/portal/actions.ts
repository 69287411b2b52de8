'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/actor';
import { runAction } from '@/lib/actions/result';
import { activateSchema, inviteContactSchema, updateContactSchema } from '@/lib/portal/contact-schemas';
import { activateContact, inviteContact, updateContact } from '@/lib/portal/contacts';
import { getDb } from '@/db/client';
import { acknowledgeOrder, objectToFinding, reportFix, requestExtension } from '@/lib/portal/commands';
import { markNotificationsRead } from '@/lib/portal/messages';
import { extensionRequestSchema, objectionSchema, reportBodySchema } from '@/lib/portal/schemas';

/** The activation page's form: no session; the one-time token is the credential. */
export async function activateContactAction(input: unknown) {
  return runAction(async () => activateContact(activateSchema.parse(input)));
}

/** Staff, on the operator's page: invites a contact; the activation path is shown once. */
export async function inviteContactAction(operatorId: number, input: unknown) {
  return runAction(async () => {
    const actor = await requirePermission('contact:invite');
    const { contact, activationPath } = await inviteContact(actor, operatorId, inviteContactSchema.parse(input));
    revalidatePath(`/operators/${operatorId}`);
    return { contact: { id: contact.id, name: contact.name }, activationPath };
  });
}

/** Staff, on the operator's page: disables a contact at once (its sessions end) or enables it again. */
export async function updateContactAction(operatorId: number, contactId: number, input: unknown) {
  return runAction(async () => {
    const actor = await requirePermission('contact:invite');
    const contact = await updateContact(actor, operatorId, contactId, updateContactSchema.parse(input));
    revalidatePath(`/operators/${operatorId}`);
    return { id: contact.id, status: contact.status };
  });
}

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

async function portalAction<T>(caseId: number, body: () => Promise<T>) {
  const result = await runAction(body);
  if (result.ok) {
    revalidatePath(`/portal/cases/${caseId}`);
    revalidatePath('/portal');
    return result;
  }
  const t = await getTranslations('portal.errors');
  const fieldErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(result.fieldErrors)) {
    const key = field.startsWith('evidence.') && result.status === 422 ? 'notYourFile' : REFUSAL_KEYS[`${field}:${result.status}`];
    fieldErrors[field.startsWith('evidence.') ? 'evidence' : field] = key ? t(key as 'changed') : message;
  }
  return { ...result, fieldErrors };
}

export async function acknowledgeAction(caseId: number) {
  return portalAction(caseId, async () => {
    const actor = await requirePermission('portal:act');
    await acknowledgeOrder(actor, caseId);
  });
}

export async function reportAction(caseId: number, input: unknown) {
  return portalAction(caseId, async () => {
    const actor = await requirePermission('portal:act');
    await reportFix(actor, caseId, reportBodySchema.parse(input));
  });
}

export async function extensionRequestAction(caseId: number, input: unknown) {
  return portalAction(caseId, async () => {
    const actor = await requirePermission('portal:act');
    await requestExtension(actor, caseId, extensionRequestSchema.parse(input));
  });
}

export async function objectionAction(caseId: number, input: unknown) {
  return portalAction(caseId, async () => {
    const actor = await requirePermission('portal:act');
    await objectToFinding(actor, caseId, objectionSchema.parse(input));
  });
}

/** The contact marks its notifications read. */
export async function markReadAction() {
  return runAction(async () => {
    const actor = await requirePermission('portal:read');
    await markNotificationsRead(await getDb(), actor);
    revalidatePath('/portal');
  });
}
