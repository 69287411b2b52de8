'use client';

import { useRouter } from 'next/navigation';
import type { MouseEvent, ReactNode } from 'react';

/**
 * Client-side navigation for a list's plain `<a href="/…">` links, by one click handler on the list
 * (issue #18): a `next/link` per cell is a client component with its own hooks in every row's server
 * render, 150 of them on the case list. A plain click on a same-site link inside the element goes
 * through the router as the app's `<Link>` (components/ui/link.tsx) would; a modified or middle click, a `target` or
 * `download` link, and one another handler already took are left to the browser.
 */
export function useSoftLinks(): (e: MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target instanceof Element ? e.target.closest('a') : null;
    if (!a || !e.currentTarget.contains(a) || a.hasAttribute('download')) return;
    const target = a.getAttribute('target');
    const href = a.getAttribute('href');
    if ((target && target !== '_self') || !href || !href.startsWith('/') || href.startsWith('//')) return;
    e.preventDefault();
    router.push(href);
  };
}

/**
 * Its children's plain links navigate as `useSoftLinks` says, for a server-rendered list (the wrapper
 * takes no box: `display: contents`).
 */
export function SoftLinkArea({ children }: { children: ReactNode }) {
  const onClick = useSoftLinks();
  return (
    <div className="contents" onClick={onClick}>
      {children}
    </div>
  );
}
