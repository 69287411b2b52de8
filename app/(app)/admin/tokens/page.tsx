import { formatDateTime } from '@/lib/i18n/format';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePagePermission } from '@/lib/auth/page';
import { listApiTokens } from '@/lib/tokens/commands';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { DataTable, td } from '@/components/ui/data-table';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { RevokeTokenButton } from '@/components/admin/revoke-token-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin'))('tokensTitle') };
}

export default async function TokensPage() {
  await requirePagePermission('admin:tokens');
  const [t, tokens] = await Promise.all([getTranslations(), listApiTokens()]);
  const when = (d: Date | null) => (d ? formatDateTime(d) : '—');
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('admin.tokensTitle')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">{t('admin.tokensIntro')}</p>
      </div>
      <Card title={t('admin.createToken')}>
        <CreateTokenForm />
      </Card>
      <DataTable
        caption={t('admin.tokensTitle')}
        columns={[t('admin.tokenName'), t('admin.tokenRole'), t('admin.prefix'), t('admin.created'), t('admin.lastUsed'), t('admin.status')]}
      >
        {tokens.length === 0 ? (
          <tr><td colSpan={6} className={`${td} text-center text-muted`}>{t('admin.noTokens')}</td></tr>
        ) : (
          tokens.map((tk) => (
            <tr key={tk.id}>
              <td className={`${td} font-medium`}>{tk.name}</td>
              <td className={td}>{t(`role.${tk.role}`)}</td>
              <td className={`${td} font-mono text-xs`}>{tk.prefix}…</td>
              <td className={`${td} tabular-nums text-muted`}>{when(tk.createdAt)}</td>
              <td className={`${td} tabular-nums text-muted`}>{when(tk.lastUsedAt)}</td>
              <td className={td}>{tk.revokedAt ? <Badge tone="neutral">{t('admin.revoked')}</Badge> : <RevokeTokenButton id={tk.id} name={tk.name} />}</td>
            </tr>
          ))
        )}
      </DataTable>
    </div>
  );
}
