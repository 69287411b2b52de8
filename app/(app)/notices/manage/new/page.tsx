import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { NoticeComposer } from '@/components/notices/composer';
import { requirePagePermission } from '@/lib/auth/page';
import { toLocale } from '@/lib/i18n/locales';
import { composerOptions } from '@/lib/notices/composer-options';
import { getNoticeDetail } from '@/lib/notices/queries';
import { read } from '@/lib/server/read';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notices.composer'))('newTitle') };
}

/** A new notice, or with `?corrects={id}` an erratum of a published one. */
export default async function NewNoticePage({ searchParams }: { searchParams: Promise<{ corrects?: string }> }) {
  await requirePagePermission('notice:draft');
  const [t, locale] = await Promise.all([getTranslations('notices.composer'), getLocale().then(toLocale)]);
  const correctsId = Number((await searchParams).corrects);
  const corrected = Number.isSafeInteger(correctsId) && correctsId > 0 ? await read(getNoticeDetail, correctsId).catch(() => null) : null;
  const erratum = corrected?.notice.status === 'published' ? corrected : null;
  const kind = erratum?.notice.kind ?? 'rectification';
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold text-ink">{erratum ? t('erratumTitle') : t('newTitle')}</h1>
      <NoticeComposer
        options={await composerOptions(locale)}
        initial={{
          kind,
          titleZh: erratum ? `关于更正${erratum.notice.titleZh}的通报` : t('defaultTitleRectification'),
          titleEn: erratum ? `Erratum to ${erratum.notice.titleEn}` : t('defaultTitleRectificationEn'),
          introZh: '', introEn: '', deadline: null, rows: [],
          corrects: erratum ? { id: erratum.notice.id, title: locale === 'zh' ? erratum.notice.titleZh : erratum.notice.titleEn, rows: [...erratum.live.values()] } : undefined,
        }}
      />
    </div>
  );
}
