import { describe, expect, it } from 'vitest';
import { caseListHref, caseListSearch } from '../../lib/cases/filters';
import { drill, drillHref } from '../../lib/stats/drill';

// The dashboard's links and the case list's query strings are kept once built (issue #18): a link asked
// for again, by the same or equal values, is the same link; different values never share one.
describe('links kept once built', () => {
  it('gives the same query string for equal values, and its own to each different value', () => {
    const first = caseListHref({ sector: 'parking', state: ['open', 'ordered'], operator: 12 });
    expect(caseListHref({ sector: 'parking', state: ['open', 'ordered'], operator: 12 })).toBe(first);
    expect(first).toBe('/cases?state=open&state=ordered&sector=parking&operator=12');
    expect(caseListHref({ operator: 12, state: ['open', 'ordered'], sector: 'parking' })).toBe(first);
    expect(caseListHref({ sector: 'parking', state: ['open'], operator: 12 })).toBe('/cases?state=open&sector=parking&operator=12');
    expect(caseListSearch({ campaign: 7 })).toBe('?campaign=7');
    expect(caseListSearch({ campaign: 'spring-2026' })).toBe('?campaign=spring-2026');
    expect(caseListSearch({ sector: undefined, q: '' })).toBe('');
  });

  it('builds each dashboard link from its filters, kept or not', () => {
    const f = { sector: 'parking', from: '2026-01-15', to: '2026-03-10' };
    const sector = drill.sector(f, 'retail');
    expect(sector).toBe('/cases?sector=retail&from=2026-01-01&to=2026-03-31');
    expect(drill.sector({ ...f }, 'retail')).toBe(sector);
    expect(drill.sector(f, 'finance')).toBe('/cases?sector=finance&from=2026-01-01&to=2026-03-31');
    expect(drill.month(f, '2026-02')).toBe('/cases?sector=parking&from=2026-02-01&to=2026-02-28');
    expect(drill.month(f, '2026-03')).toBe('/cases?sector=parking&from=2026-03-01&to=2026-03-31');
    // An extra field given as undefined clears the dashboard's own (JSON would have dropped it from a key).
    expect(drillHref(f, {})).toBe('/cases?sector=parking&from=2026-01-01&to=2026-03-31');
    expect(drillHref(f, { sector: undefined })).toBe('/cases?from=2026-01-01&to=2026-03-31');
  });
});
