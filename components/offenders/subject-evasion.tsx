import Link from 'next/link';
import { and, eq, or, sql } from 'drizzle-orm';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { offenderFlags, subjects } from '@/db/schema';
import { asExplanation, type EvasionExplanation } from '@/lib/offenders/explanation';

/**
 * "Likely re-registered after removal on {date}", both ways: the removed subjects this one probably
 * is, and the subjects that probably re-registered this one after its removal. From the live
 * (unresolved, not dismissed) evasion flags.
 */
export async function SubjectEvasion({ subjectId }: { subjectId: number }) {
  const [t, db] = await Promise.all([getTranslations('offenders'), getDb()]);
  const flags = await db
    .select({ id: offenderFlags.id, subjectId: offenderFlags.subjectId, name: subjects.name, explanation: offenderFlags.explanation })
    .from(offenderFlags)
    .innerJoin(subjects, eq(subjects.id, offenderFlags.subjectId))
    .where(and(
      eq(offenderFlags.rule, 'evasion'),
      sql`${offenderFlags.resolvedAt} IS NULL AND ${offenderFlags.status} <> 'dismissed'`,
      or(eq(offenderFlags.subjectId, subjectId), sql`${offenderFlags.explanation}->'matches' @> ${JSON.stringify([{ subjectId }])}::jsonb`),
    ));
  const items: { key: string; flagId: number; text: string; href: string; name: string }[] = [];
  for (const f of flags) {
    const e = asExplanation(f.explanation) as EvasionExplanation;
    if (f.subjectId === subjectId) {
      for (const m of e.matches) items.push({ key: `a${f.id}-${m.subjectId}`, flagId: f.id, href: `/subjects/${m.subjectId}`, name: m.name, text: t('evasion.isLikely', { name: m.name, date: m.removedOn }) });
    } else {
      const m = e.matches.find((x) => x.subjectId === subjectId);
      if (m) items.push({ key: `b${f.id}`, flagId: f.id, href: `/subjects/${f.subjectId}`, name: f.name, text: t('evasion.wasFollowed', { name: f.name, date: m.removedOn }) });
    }
  }
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
