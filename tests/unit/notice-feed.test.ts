import { describe, expect, it } from 'vitest';
import { noticesAtomFeed } from '../../lib/notices/exports';
import type { PublicNotice } from '../../lib/notices/public';
import { xmlEscape } from '../../lib/xml';

const notice: PublicNotice = {
  slug: '2026-3', kind: 'rectification', year: 2026, batchInYear: 3, batchOverall: 43,
  title: { zh: '通报 <script>alert(1)</script> & “引号”', en: 'Notice <b> & "quotes"' },
  label: { zh: '2026年第3批（总第43批）', en: '2026 batch 3, overall batch 43' },
  intro: { zh: '控制字符\u0001被删除', en: 'x' }, deadline: '2026-12-01', publishedAt: '2026-11-20T02:00:00.000Z',
  entryCount: 1, corrects: null, correctedBy: [],
};

describe('the Atom feed', () => {
  it('escapes markup and drops characters XML forbids', () => {
    const xml = noticesAtomFeed([notice], 'https://rectify.example/', 'zh');
    expect(xml).toContain('<title>通报 &lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”</title>');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('<id>https://rectify.example/notices/2026-3</id>');
    expect(xml).toContain('<updated>2026-11-20T02:00:00.000Z</updated>');
    const en = noticesAtomFeed([notice], 'https://rectify.example', 'en');
    expect(en).toContain('<title>Notice &lt;b&gt; &amp; &quot;quotes&quot;</title>');
  });

  it('is a feed with its required elements even when empty', () => {
    const xml = noticesAtomFeed([], 'https://rectify.example', 'en');
    for (const el of ['<id>', '<title>', '<updated>', '<author>']) expect(xml).toContain(el);
    expect(xml).not.toContain('<entry>');
    expect(xmlEscape(`a'b`)).toBe('a&apos;b');
  });
});
