import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';

const TONE = { draft: 'neutral', approved: 'warn', published: 'ok' } as const;

export function NoticeStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = useTranslations('notices.status');
  return <Badge tone={TONE[status]}>{t(status)}</Badge>;
}

export function NoticeKindBadge({ kind }: { kind: 'rectification' | 'removal' }) {
  const t = useTranslations('notices.kindLabel');
  return <Badge tone={kind === 'removal' ? 'danger' : 'brand'}>{t(kind)}</Badge>;
}
