import { apiRoute, readJson } from '@/lib/http/route';
import { activateSchema } from '@/lib/portal/contact-schemas';
import { activateContact } from '@/lib/portal/contacts';

/** No session: the invitation's one-time token is the credential; it works once, for 7 days. */
export const POST = apiRoute(async (req) => {
  const { email } = await activateContact(await readJson(req, activateSchema));
  return { activated: true, email };
});
