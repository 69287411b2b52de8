/**
 * Subject identifiers (DESIGN §2): how the same app is recognised after a rename or a re-registration.
 * `identifierMatchValue` is the one normalisation of `subject_identifiers.match_value`; every writer
 * (forms, API, imports, seed) and every matcher must go through it.
 */

export const IDENTIFIER_TYPES = [
  'package_name', 'bundle_id', 'mini_program_appid', 'filing_number', 'cert_sha256',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

// Hyphen-like characters seen in filing numbers copied from web pages and PDFs.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * The filer's root of an ICP / App filing number: the part up to and including 号, without the
 * per-site or per-app suffix.
 *   京ICP备12345678号-3A → 京ICP备12345678号 (App filing)
 *   粤ICP备2023012345号-2X → 粤ICP备2023012345号 (mini program filing)
 *   京ICP备12345678号-1 → 京ICP备12345678号 (website)
 *   京ICP备12345678号 → 京ICP备12345678号
 * Whitespace is removed, full-width letters/digits and dash variants are folded, and Latin letters
 * are upper-cased, so that copies of the same number compare equal.
 */
export function filingRoot(filingNumber: string): string {
  const s = normaliseFiling(filingNumber);
  const hao = s.lastIndexOf('号');
  if (hao >= 0) {
    const rest = s.slice(hao + 1);
    // Only a recognised suffix is cut; anything else after 号 is kept so unrelated numbers never collide.
    if (rest === '' || /^-\d+[A-Z]?$/.test(rest)) return s.slice(0, hao + 1);
    return s;
  }
  // Written without 号 (e.g. "京ICP备12345678-3A"): cut the suffix after the last dash.
  return s.replace(/-\d+[A-Z]?$/, '');
}

/**
 * A whole filing number (suffix kept) written one way: it names one App or mini program. The SQL twin is
 * `filing_number_key()` (migration 0015), used by the multi_line rule.
 */
export function normaliseFiling(value: string): string {
  return value
    .normalize('NFKC') // full-width Ａ１－ → A1-
    .replace(DASHES, '-')
    .replace(/\s+/g, '')
    .replace(/[a-z]/g, (c) => c.toUpperCase());
}

/** A certificate fingerprint as 64 lower-case hex digits: colons, spaces and dashes removed. */
export function normaliseCertSha256(value: string): string {
  return value.normalize('NFKC').replace(/[\s:\-]/g, '').toLowerCase();
}

/** The normalised value stored in `subject_identifiers.match_value` and compared across subjects. */
export function identifierMatchValue(type: IdentifierType, value: string): string {
  switch (type) {
    case 'filing_number':
      return filingRoot(value);
    case 'cert_sha256':
      return normaliseCertSha256(value);
    default:
      return value.trim();
  }
}
