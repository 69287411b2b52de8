/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V):
 * position 1 the registration authority, 2 the entity type, 3–8 the administrative division,
 * 9–17 the organisation code, 18 the check character computed over positions 1–17.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const USCC_LENGTH = 18;

/** The check character for the first 17 characters (which must already be valid characters). */
function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Why `s` is not a valid USCC, in a short English sentence, or null when it is valid.
 * The input is taken as is: callers normalise (trim, upper-case) first if they want to.
 */
export function usccProblem(s: string): string | null {
  if (typeof s !== 'string' || s.length === 0) return 'USCC is empty';
  const chars = Array.from(s);
  if (chars.length !== USCC_LENGTH) {
    return `USCC must be ${USCC_LENGTH} characters, got ${chars.length}`;
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!USCC_CHARSET.includes(c) || c.length !== 1) {
      return `USCC has an invalid character "${c}" at position ${i + 1} (allowed: 0-9 and A-Y except I, O, S, V, Z, upper case)`;
    }
  }
  const expected = checkCharacter(s);
  if (s[17] !== expected) {
    return `USCC check digit is wrong: expected "${expected}", got "${s[17]}"`;
  }
  return null;
}

export function isValidUscc(s: string): boolean {
  return usccProblem(s) === null;
}

/** Appends the GB 32100-2015 check character to 17 valid characters. */
export function withUsccCheckDigit(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  for (const c of first17) {
    if (!USCC_CHARSET.includes(c)) throw new RangeError(`invalid USCC character "${c}"`);
  }
  return first17 + checkCharacter(first17);
}
