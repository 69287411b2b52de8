import { describe, it, expect } from 'vitest';
import { isValidUscc, usccProblem, withUsccCheckDigit, USCC_CHARSET } from '../../lib/domain/uscc';

describe('USCC (GB 32100-2015)', () => {
  it('accepts published example codes', () => {
    // Example code used in the GB 32100-2015 explanatory material and by many validators.
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccProblem('91350100M000100Y43')).toBeNull();
  });

  it('computes the check character', () => {
    expect(withUsccCheckDigit('91350100M000100Y4')).toBe('91350100M000100Y43');
    // (31 - 0 mod 31) mod 31 = 0 → '0'
    expect(withUsccCheckDigit('00000000000000000')).toBe('000000000000000000');
  });

  it('round-trips generated codes and rejects any other check character', () => {
    const bodies = ['91110105MA01ABCD1', '91330106MA2H3J4K5', '12100000400000580', '92440305L12345678'];
    for (const body of bodies) {
      const code = withUsccCheckDigit(body);
      expect(isValidUscc(code)).toBe(true);
      for (const c of USCC_CHARSET) {
        if (c === code[17]) continue;
        expect(isValidUscc(body + c)).toBe(false);
      }
    }
  });

  it('explains the length problem', () => {
    expect(usccProblem('')).toMatch(/empty/);
    expect(usccProblem('91350100M000100Y4')).toMatch(/18 characters/);
    expect(usccProblem('91350100M000100Y433')).toMatch(/18 characters/);
  });

  it('explains bad characters (I, O, S, V, Z, lower case, full width)', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a', '-']) {
      const code = `91350100M000100Y4${bad}`;
      expect(usccProblem(code)).toMatch(/invalid character/);
    }
    expect(usccProblem('91350100m000100Y43')).toMatch(/position 9/);
    expect(usccProblem('９1350100M000100Y43')).toMatch(/invalid character/);
  });

  it('explains a wrong check digit', () => {
    expect(usccProblem('91350100M000100Y44')).toMatch(/check digit/);
  });

  it('refuses to build from invalid input', () => {
    expect(() => withUsccCheckDigit('123')).toThrow(RangeError);
    expect(() => withUsccCheckDigit('9135010OM000100Y4')).toThrow(RangeError);
  });
});
