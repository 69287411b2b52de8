import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { updateContactSchema } from '@/lib/portal/contact-schemas';
import { updateContact } from '@/lib/portal/contacts';

/** `{ disabled: true }` disables a contact at once (its sessions end); `false` enables it again. */
export const PATCH = apiRoute<{ id: string; contactId: string }>(async (req, params) => {
  const actor = await requirePermission('contact:invite');
  const contact = await updateContact(actor, idParam(params.id), idParam(params.contactId, 'contactId'), await readJson(req, updateContactSchema));
  return { contact };
});
