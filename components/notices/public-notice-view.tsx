import { formatDay } from '@/lib/i18n/format';
import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import type { PublicNotice } from '@/lib/notices/public';
import { AnnexTable, publicAnnexRows } from './annex-table';
import { NoticeKindBadge } from './status-badge';

/** A published notice as the public reads it: heading, introduction, errata links and the annex. */
export async function PublicNoticeView({ notice, locale, print = false }: { notice: PublicNotice; locale: Locale; print?: boolean }) {
  const t = await getTranslations();
  const published = formatDay(notice.publishedAt);
  const colon = locale === 'zh' ? '：' : ': ';
  return (
    <article className="notice-article space-y-5">
      <header className="space-y-2 border-b-2 border-accent pb-4 text-center print:pb-2">
        <p className="text-sm font-medium text-accent">{t('app.office')}</p>
        <h1 className="text-xl font-bold leading-snug text-ink sm:text-2xl">{notice.title[locale]}</h1>
        <p className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 text-sm text-muted">
          <span className="tabular-nums">{notice.label[locale]}</span>
          {print ? null : <NoticeKindBadge kind={notice.kind} />}
          <span>{t('notices.publishedOn')}{colon}<time dateTime={notice.publishedAt}>{published}</time></span>
          {notice.deadline ? <span>{t('notices.deadline')}{colon}<time dateTime={notice.deadline}>{notice.deadline}</time></span> : null}
        </p>
      </header>
      {notice.corrects ? (
        <p role="note" className="rounded border border-[#ecd7a4] bg-[#fdf3dc] px-3 py-2 text-sm text-ink">
          {t('notices.corrects')} <Link href={`/notices/${notice.corrects.slug}`} className="font-medium text-brand-600 underline">{notice.corrects.title[locale]} ({notice.corrects.label[locale]})</Link>
        </p>
      ) : null}
      {notice.correctedBy.length ? (
        <p role="note" className="rounded border border-[#f0c4c4] bg-accent-50 px-3 py-2 text-sm text-ink">
          {t('notices.correctedBy')}{' '}
          {notice.correctedBy.map((c) => (
            <Link key={c.slug} href={`/notices/${c.slug}`} className="mr-2 font-medium text-brand-600 underline">{c.title[locale]} ({c.label[locale]})</Link>
          ))}
        </p>
      ) : null}
      <div className="space-y-3 text-[15px] leading-7 text-ink">
        {notice.intro[locale].split(/\n+/).filter(Boolean).map((p, i) => <p key={i} className="indent-8">{p}</p>)}
      </div>
      {notice.entries?.length ? (
        <AnnexTable rows={publicAnnexRows(notice.entries, locale)} caption={t('notices.annex', { label: notice.label[locale] })} />
      ) : (
        <p className="text-sm text-muted">{t('notices.noEntries')}</p>
      )}
      <p className="text-right text-sm text-ink">
        {t('notices.issuer', { office: t('app.office') })}<br />
        <time dateTime={notice.publishedAt}>{published}</time>
      </p>
    </article>
  );
}
