'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { caseFilterParsers } from '@/lib/cases/filters';
import type { StatsFilters } from '@/lib/stats/filters';

/** The dashboard filters in the URL: the case filter contract's parsers (lib/cases/filters.ts). */
const { campaign, sector, kind, platform, from, to } = caseFilterParsers;
export const filterParsers = { campaign, sector, kind, platform, from, to };

export function useStatsFilters() {
  return useQueryStates(filterParsers, { history: 'push' });
}

/** URL search string of a filter set, in a stable order (also the query key). */
export function filterQuery(f: Partial<Record<keyof StatsFilters, string | number | null | undefined>>): string {
  const p = new URLSearchParams();
  for (const k of ['campaign', 'sector', 'kind', 'platform', 'from', 'to'] as const) {
    const v = f[k];
    if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
  }
  return p.toString();
}

export type StatsEndpoint = 'summary' | 'by-sector' | 'by-category' | 'trend' | 'breakdown';

/**
 * One stats endpoint through TanStack Query. The server rendered the first paint with the same
 * library functions the API uses, so the data for the initial filters is `initialData`.
 */
export function useStat<T>(endpoint: StatsEndpoint, query: string, initial: { query: string; data: T }) {
  return useQuery({
    queryKey: ['stats', endpoint, query],
    queryFn: async (): Promise<T> => {
      const res = await fetch(`/api/v1/stats/${endpoint}${query ? `?${query}` : ''}`, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`${endpoint}: ${res.status}`);
      return res.json();
    },
    initialData: query === initial.query ? initial.data : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 120_000,
  });
}
