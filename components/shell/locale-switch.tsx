'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { setLocale } from '@/lib/i18n/actions';
import { cn } from '@/components/ui/cn';

const OPTIONS = [
  { value: 'zh', label: '中文' },
  { value: 'en', label: 'English' },
] as const;

export function LocaleSwitch({ tone = 'dark' }: { tone?: 'dark' | 'light' }) {
  const locale = useLocale();
  const t = useTranslations('nav');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t('language')} className="inline-flex overflow-hidden rounded border border-current/30 text-xs">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value === 'zh' ? 'zh-CN' : 'en'}
          aria-pressed={locale === o.value}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale({ locale: o.value });
              router.refresh();
            })
          }
          className={cn(
            'px-2.5 py-1 font-medium',
            locale === o.value
              ? tone === 'dark' ? 'bg-white text-brand' : 'bg-brand text-white'
              : tone === 'dark' ? 'text-white hover:bg-white/10' : 'text-brand hover:bg-brand-50',
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
