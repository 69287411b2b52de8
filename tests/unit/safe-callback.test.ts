import { describe, expect, it } from 'vitest';
import { safeCallbackPath, safeRedirectUrl } from '../../lib/auth/callback';

describe('the one safe-callback rule (issue #13, finding 3)', () => {
  it('keeps paths on this site, query and fragment included', () => {
    expect(safeCallbackPath('/cases?state=open&q=%E5%B0%8F#top')).toBe('/cases?state=open&q=%E5%B0%8F#top');
    expect(safeCallbackPath('/')).toBe('/');
    expect(safeCallbackPath(['/notices', '/x'])).toBe('/notices');
  });

  it.each([
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/ /evil.example',
    '/\u0000',
    '//evil.example',
    '///evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    'x'.repeat(3000),
  ])('refuses %j', (value) => {
    expect(safeCallbackPath(value)).toBe('/');
  });

  it('refuses what is not a string', () => {
    expect(safeCallbackPath(undefined)).toBe('/');
    expect(safeCallbackPath(42)).toBe('/');
  });

  it("next-auth's redirect stays on the base URL", () => {
    const base = 'http://127.0.0.1:3250';
    expect(safeRedirectUrl('/signin', base)).toBe(`${base}/signin`);
    expect(safeRedirectUrl(`${base}/cases?x=1`, base)).toBe(`${base}/cases?x=1`);
    expect(safeRedirectUrl('https://evil.example/', base)).toBe(base);
    expect(safeRedirectUrl('/\\evil.example', base)).toBe(`${base}/`);
    expect(safeRedirectUrl(`${base}/\\evil.example`, base)).toBe(`${base}/`);
  });
});
