import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** The first stop of the keyboard on every page: straight to the content (`<main id="main">`). */
export function SkipLink({ label }: { label: string }) {
  return (
    <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2">
      {label}
    </a>
  );
}

/**
 * The frame of the sides without the staff shell, the public site (`wide`) and the operator portal (a
 * narrower column, made for a phone first): skip link, a brand header (`brand` on the left, `actions` on
 * the right), the main column, an optional footer.
 */
export function SiteFrame({ wide, skipLabel, brand, actions, footer, className, children }: { wide: boolean; skipLabel: string; brand: ReactNode; actions: ReactNode; footer?: ReactNode; className?: string; children: ReactNode }) {
  const column = wide ? 'max-w-7xl px-5' : 'max-w-5xl px-4';
  return (
    <div className={cn('flex min-h-screen flex-col', className)}>
      <SkipLink label={skipLabel} />
      <header className="no-print bg-brand text-white">
        <div className={cn('mx-auto flex flex-wrap items-center justify-between py-3', wide ? 'gap-3' : 'gap-2', column)}>
          {brand}
          {actions}
        </div>
      </header>
      <main id="main" className={cn('mx-auto w-full flex-1', wide ? 'py-6' : 'py-5', column)}>
        {children}
      </main>
      {footer}
    </div>
  );
}
