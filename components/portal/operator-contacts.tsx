import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listContacts, type ContactStatus } from '@/lib/portal/contacts';
import { formatDateTime } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { ContactRowActions, InviteContactForm } from './contact-forms';
import { read } from '@/lib/server/read';

const TONE: Record<ContactStatus, 'ok' | 'brand' | 'warn' | 'neutral'> = { active: 'ok', invited: 'brand', expired: 'warn', disabled: 'neutral' };

/** Staff, on the operator's page: its portal contacts, their last sign-in, invite and disable (DESIGN §9). */
export async function OperatorContacts({ actor, operatorId }: { actor: Actor; operatorId: number }) {
  const [t, contacts] = await Promise.all([getTranslations('portal.contacts'), read(listContacts, operatorId)]);
  const manage = can(actor.role, 'contact:invite');
  return (
    <Card title={t('title')}>
      <div className="space-y-4">
        {contacts.length ? (
          <DataTable caption={t('title')} columns={[t('name'), t('email'), t('status'), t('lastSignIn'), t('invitedAt'), ...(manage ? [t('actions')] : [])]}>
            {contacts.map((c) => (
              <tr key={c.id} data-testid={`contact-${c.id}`}>
                <td className="font-medium">{c.name}</td>
                <td className="break-all">{c.email}</td>
                <td><Badge tone={TONE[c.status]}>{t(`state.${c.status}`)}</Badge></td>
                <td className="tabular-nums">{c.lastSignInAt ? formatDateTime(c.lastSignInAt) : t('never')}</td>
                <td className="tabular-nums">{formatDateTime(c.invitedAt)}</td>
                {manage ? <td><ContactRowActions operatorId={operatorId} contactId={c.id} name={c.name} disabled={c.status === 'disabled'} /></td> : null}
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="text-sm text-muted">{t('none')}</p>
        )}
        {manage ? <InviteContactForm operatorId={operatorId} /> : null}
      </div>
    </Card>
  );
}
