'use client';

import { useTranslations } from 'next-intl';
import { Combobox, type ComboOption, type ComboResult } from '@/components/ui/combobox';

export const PICKER_PAGE = 10;

/** One page of a registry list searched by `q` (GET /api/v1/operators or /subjects, with its total). */
async function searchList<T>(path: string, q: string, signal: AbortSignal, toOption: (row: T) => ComboOption): Promise<ComboResult> {
  const res = await fetch(`${path}?q=${encodeURIComponent(q)}&limit=${PICKER_PAGE}&total=1`, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(String(res.status));
  const body = (await res.json()) as { items: T[]; total: number; totalCapped: boolean };
  return { items: body.items.map(toOption), total: body.total, totalCapped: body.totalCapped };
}

interface PickerProps {
  id: string;
  /** The hidden input's name, for forms that submit the chosen id. */
  name?: string;
  value: ComboOption | null;
  onChange: (v: ComboOption | null) => void;
  error?: string;
  describedBy?: string;
  className?: string;
}

/** Picks an operator by name or USCC, searched on the server as you type. */
export function OperatorPicker(props: PickerProps) {
  const t = useTranslations('picker');
  return (
    <Combobox
      {...props}
      placeholder={t('operatorPlaceholder')}
      search={(q, signal) => searchList<{ id: number; name: string; uscc: string; regionName: string }>('/api/v1/operators', q, signal, (o) => ({ id: o.id, label: o.name, detail: `${o.uscc} · ${o.regionName}` }))}
    />
  );
}

/** Picks a subject by current or former name or any identifier, searched on the server as you type. */
export function SubjectPicker(props: PickerProps) {
  const t = useTranslations('picker');
  const tp = useTranslations('platform');
  return (
    <Combobox
      {...props}
      placeholder={t('subjectPlaceholder')}
      search={(q, signal) =>
        searchList<{ id: number; name: string; platform: string; operatorName: string | null }>('/api/v1/subjects', q, signal, (s) => ({
          id: s.id,
          label: s.name,
          detail: [tp(s.platform as 'wechat'), s.operatorName].filter(Boolean).join(' · '),
        }))
      }
    />
  );
}
