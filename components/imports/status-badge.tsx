import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ImportJob } from './types';

const TONE = { queued: 'neutral', running: 'brand', succeeded: 'ok', failed: 'danger', cancelled: 'neutral' } as const;

export function ImportStatusBadge({ status, dryRun }: { status: ImportJob['status']; dryRun: boolean }) {
  const t = useTranslations('imports');
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
      {dryRun ? <Badge tone="warn">{t('dryRunBadge')}</Badge> : null}
    </span>
  );
}
