import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'brand' | 'danger' | 'ok' | 'warn';
const tones: Record<Tone, string> = {
  neutral: 'bg-canvas text-ink border-line',
  brand: 'bg-brand-50 text-brand border-[#c5d3e6]',
  danger: 'bg-accent-50 text-accent border-[#f0c4c4]',
  ok: 'bg-[#e6f4ea] text-ok border-[#bfdcc9]',
  warn: 'bg-[#fdf3dc] text-warn border-[#ecd7a4]',
};

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span className={cn('inline-flex items-center rounded border px-2 py-0.5 text-xs font-medium whitespace-nowrap', tones[tone], className)}>
      {children}
    </span>
  );
}
