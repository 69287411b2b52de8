import { formatDateTime } from '@/lib/i18n/format';
import { getTranslations } from 'next-intl/server';
import type { ReviewEvent } from '@/lib/offenders/queries';

/** Confirmations, dismissals and reopenings of a flag, oldest first. */
export async function ReviewHistory({ events }: { events: ReviewEvent[] }) {
  const t = await getTranslations('offenders');
  if (!events.length) return <p className="text-sm text-muted">{t('detail.noHistory')}</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="review-history">
      {events.map((ev, i) => {
        const kind = ev.action.replace('offender_flag.', '') as 'confirm' | 'dismiss' | 'reopen';
        return (
          <li key={i} className="border-l-2 border-line pl-3">
            <span className="font-medium">{t(`detail.action.${kind}`)}</span>
            {ev.after?.escalation ? <span> · {t(`escalation.${ev.after.escalation as 'interview'}`)}</span> : null}
            <span className="block text-xs text-muted">{ev.actorName ?? t('detail.system')} · {formatDateTime(ev.at)}</span>
            {ev.after?.reason ? <span className="block text-ink">{ev.after.reason}</span> : null}
            {kind === 'reopen' && ev.after?.newCaseIds?.length ? <span className="block text-xs text-accent">{t('detail.newSinceReview', { cases: ev.after.newCaseIds.map((c) => `#${c}`).join(', ') })}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
