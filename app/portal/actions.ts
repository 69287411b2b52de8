'use server';

import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/actor';
import { runAction } from '@/lib/actions/result';
import { activateSchema, inviteContactSchema, updateContactSchema } from '@/lib/portal/contact-schemas';
import { activateContact, inviteContact, updateContact } from '@/lib/portal/contacts';

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
