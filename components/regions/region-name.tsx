import { useTranslations } from 'next-intl';

/** An operator's region as read: the division's name path, or the unmatched free text marked for fixing. */
export function RegionName({ name, unmatched }: { name: string | null; unmatched: boolean }) {
  const t = useTranslations('regions');
  if (!unmatched) return <>{name ?? '—'}</>;
  return (
    <span>
      {name || '—'}{' '}
      <span className="ml-1 inline-block rounded border border-accent/40 px-1.5 text-xs text-accent" title={t('unmatchedHint')}>{t('unmatched')}</span>
    </span>
  );
}
