import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { subjectEvasion } from '@/lib/offenders/queries';
import { read } from '@/lib/server/read';

/**
 * "Likely re-registered after removal on {date}", both ways: the removed subjects this one probably
 * is, and the subjects that probably re-registered this one after its removal. From the live
 * (unresolved, not dismissed) evasion flags.
 */
export async function SubjectEvasion({ subjectId }: { subjectId: number }) {
  const [t, found] = await Promise.all([getTranslations('offenders'), read(subjectEvasion, subjectId)]);
  const items = found.map((i) => ({
    key: `${i.direction}${i.flagId}-${i.subjectId}`,
    flagId: i.flagId,
    href: `/subjects/${i.subjectId}`,
    name: i.name,
    text: t(i.direction === 'is' ? 'evasion.isLikely' : 'evasion.wasFollowed', { name: i.name, date: i.removedOn }),
  }));
  return (
    // An alarm only when there is something to look at; "no sign" is neutral.
    <section aria-labelledby={`evasion-${subjectId}`} className={items.length ? 'rounded-md border border-accent/30 bg-accent-50/40 p-3' : 'rounded-md border border-line bg-white p-3'} data-testid="subject-evasion" data-alarm={items.length ? 'true' : 'false'}>
      <h3 id={`evasion-${subjectId}`} className={items.length ? 'text-sm font-semibold text-accent' : 'text-sm font-semibold text-ink'}>{t('evasion.title')}</h3>
      {items.length === 0 ? (
        <p className="mt-1 text-sm text-muted">{t('evasion.none')}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm">
          {items.map((i) => (
            <li key={i.key}>
              <Link href={i.href} className="text-ink underline decoration-accent/50 underline-offset-2 hover:decoration-accent">{i.text}</Link>
              <Link href={`/offenders/${i.flagId}`} className="ml-2 text-xs text-brand-600 hover:underline">{t('open', { id: i.flagId })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
