'use client';

import { useQuery } from '@tanstack/react-query';
import { isActive, type ImportJobDetail } from './types';

/** How often a running job is asked for its progress. */
export const POLL_MS = 500;

/**
 * GET /api/v1/imports/{id} through TanStack Query, polled while the job is queued or running and left
 * alone once it has finished. `initial` is what the server rendered or the 202 answer of the upload.
 */
export function useImportJob(id: number, initial?: ImportJobDetail) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: async (): Promise<ImportJobDetail> => {
      const res = await fetch(`/api/v1/imports/${id}`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: (query) => (!query.state.data || isActive(query.state.data.job) ? POLL_MS : false),
    retry: 2,
  });
}
