import { formatDay } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { listUsers } from '@/lib/users/queries';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable, td } from '@/components/ui/data-table';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserRowActions } from '@/components/admin/user-row-actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('usersTitle') };
}

export default async function UsersPage() {
  const actor = await requirePagePermission('admin:users');
  const [t, users] = await Promise.all([getTranslations(), listUsers()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('admin.usersTitle')}</h1>
        <p className="mt-1 text-sm text-muted">{t('admin.usersIntro')}</p>
      </div>
      <DataTable
        caption={t('admin.usersTitle')}
        columns={[t('admin.name'), { label: t('admin.email'), hideOnPhone: true }, t('admin.status'), { label: t('admin.created'), hideOnPhone: true }, t('admin.roleAndAccess')]}
      >
        {users.map((u) => (
          <tr key={u.id}>
            <td className={`${td} font-medium`}>{u.name}</td>
            <td className={td}>{u.email}</td>
            <td className={td}>{u.disabledAt ? <Badge tone="danger">{t('admin.disabled')}</Badge> : <Badge tone="ok">{t('admin.active')}</Badge>}</td>
            <td className={`${td} tabular-nums text-muted`}>{formatDay(u.createdAt)}</td>
            <td className={td}>
              <UserRowActions id={u.id} name={u.name} role={u.role} disabled={u.disabledAt !== null} self={actor.kind === 'user' && actor.id === u.id} />
            </td>
          </tr>
        ))}
      </DataTable>
      <Card title={t('admin.createUser')}>
        <CreateUserForm />
      </Card>
    </div>
  );
}
