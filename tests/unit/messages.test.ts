import { describe, expect, it } from 'vitest';
import en from '@/messages/en';
import zh from '@/messages/zh';

function paths(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('Chinese and English carry exactly the same keys', () => {
    const zhKeys = new Set(paths(zh));
    const enKeys = new Set(paths(en));
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
  });

  it('no message is empty', () => {
    const empty = (m: unknown) => paths(m).filter((p) => p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m) === '');
    expect(empty(zh)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
