'use client';

import { useState } from 'react';
import { Dialog } from 'radix-ui';
import { NavLinks } from './nav-links';

/** Below the md breakpoint the sidebar folds into a menu button that opens it as a sheet. */
export function MobileNav({ items, label, closeLabel, title }: { items: { href: string; label: string }[]; label: string; closeLabel: string; title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="inline-flex items-center gap-2 rounded border border-white/30 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10" data-testid="menu-button">
        <span aria-hidden className="flex flex-col gap-[3px]">
          <span className="block h-0.5 w-4 bg-white" />
          <span className="block h-0.5 w-4 bg-white" />
          <span className="block h-0.5 w-4 bg-white" />
        </span>
        {label}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-brand p-3 text-white shadow-xl focus:outline-none">
          <div className="mb-2 flex items-center justify-between px-1">
            <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
            <Dialog.Close className="rounded px-2 py-1 text-sm text-white/85 hover:bg-white/10">{closeLabel}</Dialog.Close>
          </div>
          <Dialog.Description className="sr-only">{title}</Dialog.Description>
          {/* A chosen link closes the sheet (the page changes underneath). */}
          <nav aria-label={title} onClick={(e) => (e.target as HTMLElement).closest('a') && setOpen(false)}>
            <NavLinks items={items} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
