import { useTranslations } from 'next-intl';

/** An operator's region as read: the division's name path, or the unmatched free text marked for fixing. */
export function RegionName({ name, unmatched }: { name: string | null; unmatched: boolean }) {
  const t = useTranslations('regions');
  return <RegionLabel name={name} unmatched={unmatched} words={{ unmatched: t('unmatched'), unmatchedHint: t('unmatchedHint') }} />;
}

/** RegionName with its words already translated, for a list's rows (no hook per row: issue #18). */
export function RegionLabel({ name, unmatched, words }: { name: string | null; unmatched: boolean; words: { unmatched: string; unmatchedHint: string } }) {
  if (!unmatched) return <>{name ?? '—'}</>;
  return (
    <span>
      {name || '—'}{' '}
      <span className="ml-1 inline-block rounded border border-accent/40 px-1.5 text-xs text-accent" title={words.unmatchedHint}>{words.unmatched}</span>
    </span>
  );
}
