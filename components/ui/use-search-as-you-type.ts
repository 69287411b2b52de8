'use client';

import { useEffect, useEffectEvent } from 'react';

/**
 * Searching as the user types: `run(q)` a pause (`delay` ms) after the text last changed, the search
 * before aborted, its answer handed to `onResult`, a failure (not an abort) to `onError`. Nothing runs
 * while `enabled` is false. Shared by the shell's search and the pickers.
 */
export function useSearchAsYouType<R>(
  q: string,
  enabled: boolean,
  run: (q: string, signal: AbortSignal) => Promise<R>,
  onResult: (q: string, r: R) => void,
  onError: () => void,
  delay = 250,
) {
  const search = useEffectEvent(run);
  const done = useEffectEvent(onResult);
  const failed = useEffectEvent(onError);
  useEffect(() => {
    if (!enabled) return;
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      search(q, ctrl.signal)
        .then((r) => done(q, r))
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') failed();
        });
    }, delay);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, enabled, delay]);
}
