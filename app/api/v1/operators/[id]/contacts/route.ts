import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/actor';
import { idParam } from '@/lib/http/params';
import { apiRoute, readJson } from '@/lib/http/route';
import { inviteContactSchema } from '@/lib/portal/contact-schemas';
import { inviteContact, listContacts } from '@/lib/portal/contacts';
import { getOperatorOrThrow } from '@/lib/registry/operators';
import { absoluteUrl } from '@/lib/server/absolute-url';

/** An operator's contacts, with their status and last sign-in (DESIGN §9). */
export const GET = apiRoute<{ id: string }>(async (_req, params) => {
  await requirePermission('registry:read');
  const id = idParam(params.id);
  const db = await getDb();
  await getOperatorOrThrow(db, id);
  return { items: await listContacts(db, id) };
});

/** Invites a contact: the one-time activation link is in this answer only. */
export const POST = apiRoute<{ id: string }>(async (req, params) => {
  const actor = await requirePermission('contact:invite');
  const id = idParam(params.id);
  const { contact, activationPath } = await inviteContact(actor, id, await readJson(req, inviteContactSchema));
  return Response.json({ contact, activationUrl: absoluteUrl(req, activationPath) }, { status: 201 });
});
