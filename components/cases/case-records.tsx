import { getTranslations } from 'next-intl/server';
import type { CaseDetail } from '@/lib/cases/detail';
import { formatDateTime } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';

const th = 'px-2 py-1.5 text-left text-xs font-semibold text-muted';
const td = 'px-2 py-1.5 align-top';

/** Re-tests, and takedown records: 下架 for apps, 禁止搜索 for mini programs. */
export async function CaseRecords({ detail }: { detail: CaseDetail }) {
  const t = await getTranslations('caseDetail');
  const mini = detail.subject.kind === 'mini_program';
  return (
    <div className="grid gap-4">
      <Card title={t('retests')}>
        {detail.retests.length ? (
          <table className="w-full text-sm">
            <caption className="sr-only">{t('retests')}</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className={th}>{t('testedAt')}</th>
                <th scope="col" className={th}>{t('version', { version: '' }).trim()}</th>
                <th scope="col" className={th}>{t('result')}</th>
                <th scope="col" className={th}>{t('testedBy')}</th>
                <th scope="col" className={th}>{t('notes')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.retests.map((r) => (
                <tr key={r.id} className="border-b border-line/60 last:border-0">
                  <td className={`${td} whitespace-nowrap tabular-nums`}>{formatDateTime(r.testedAt)}</td>
                  <td className={`${td} font-mono text-xs`}>{r.version}</td>
                  <td className={td}><Badge tone={r.result === 'passed' ? 'ok' : 'danger'}>{t(r.result)}</Badge></td>
                  <td className={td}>{r.testedBy ?? '—'}</td>
                  <td className={`${td} text-xs text-muted`}>{r.notes || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">{t('noRetests')}</p>
        )}
      </Card>
      <Card title={mini ? t('takedownsMini') : t('takedownsApp')}>
        {detail.takedowns.length ? (
          <table className="w-full text-sm" data-testid="takedowns">
            <caption className="sr-only">{mini ? t('takedownsMini') : t('takedownsApp')}</caption>
            <thead className="border-b border-line">
              <tr>
                <th scope="col" className={th}>{t('store')}</th>
                <th scope="col" className={th}>{t('takenDownOn')}</th>
                <th scope="col" className={th}>{t('confirmedBy')}</th>
                <th scope="col" className={th}>{t('notes')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.takedowns.map((d) => (
                <tr key={d.id} className="border-b border-line/60 last:border-0">
                  <td className={td}>
                    {d.store} <Badge tone="danger">{mini ? t('removedMini') : t('removedApp')}</Badge>
                  </td>
                  <td className={`${td} tabular-nums`}>{d.takenDownOn}</td>
                  <td className={td}>{d.confirmedBy ?? '—'}</td>
                  <td className={`${td} text-xs text-muted`}>{d.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted">{t('noTakedowns')}</p>
        )}
      </Card>
    </div>
  );
}
