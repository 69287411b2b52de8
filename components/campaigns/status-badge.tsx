import { useTranslations } from 'next-intl';
import type { CampaignStatus } from '@/lib/campaigns/schemas';
import { Badge } from '@/components/ui/badge';

const TONE = { planned: 'warn', active: 'ok', closed: 'neutral' } as const;

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const t = useTranslations('campaigns.statusValue');
  return <Badge tone={TONE[status]}><span data-status={status}>{t(status)}</span></Badge>;
}
