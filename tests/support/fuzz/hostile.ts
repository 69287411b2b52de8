/**
 * Hostile values for fuzzing the API: wrong types, huge and broken strings, SQL and script
 * fragments, numbers out of range, bad dates — as JSON values, query values and path segments.
 */
import fc from 'fast-check';

export const ONE_MB = 1024 * 1024;
const huge = 'x'.repeat(ONE_MB);
const big = '长'.repeat(40_000); // 120 kB of UTF-8, under the body limit

const sqlAndScript = [
  "'; DROP TABLE cases; --",
  "1' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "' UNION SELECT password_hash FROM users --",
  '%',
  '_',
  '\\',
  '$$',
  '::int',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '__proto__',
  '../../etc/passwd',
  '=cmd|"/c calc"!A1',
];

const brokenStrings = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\ufeffBOM',
  '\u202eRTL',
  '\r\n\t\u0007\u001b[31m',
  '\uffff\ufffe',
  '𝕏😀',
  ' ',
  '',
];

const dates = ['2026-02-30', '0000-00-00', '9999-12-31', '2026-13-01', '-001-01-01', '294277-01-01', '１９９９-01-01', '2026-01-01T00:00:00Z', '2026-1-1', 'yesterday'];

const numbers: unknown[] = [
  2 ** 63, -(2 ** 63), 2 ** 31, 2 ** 31 - 1, -0, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 53,
  'NaN', 'Infinity', '-0', '9223372036854775808', '2147483648', '1e309', '0x10', ' 7 ', '1_000',
];

/** A string that stresses text handling: control characters, NUL, lone surrogates, fragments, sizes. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...sqlAndScript, ...brokenStrings, ...dates),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.constantFrom(huge, big, 'a'.repeat(201), 'a'.repeat(4001), 'a'.repeat(10_001)),
);

function nest(depth: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Any JSON value where a field's value belongs: hostile strings, numbers, wrong types, nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...numbers) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2, 3], ['a'], { $gt: '' }, nest(200), nest(5)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** A value for a query parameter or a path segment (always text on the wire). */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: hostileString.map((s) => (s.length > 100_000 ? s.slice(0, 100_000) : s)) },
  { weight: 2, arbitrary: fc.constantFrom(...numbers.map(String)) },
  { weight: 1, arbitrary: fc.constantFrom('1', '999999', '0', '-5', '2147483647', '01', '1.0', 'null', 'undefined', '[]', '{}') },
);

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/**
 * Cursors edited by a client: the shape a list hands out (lib/http/cursor.ts's [key, id], the case list's
 * { s, k, id }, the search's `type.id`) holding a key or an id no page could have ended on. Random text is
 * almost never such a cursor, so the decoders' checks behind the shape went untried (the sorts that read the
 * key as a date or a time; a negative offset).
 */
export const EDITED_CURSORS = [
  cursorOf(['x', 1]), cursorOf([1, 1]), cursorOf(['2026-02-30', 1]), cursorOf(['0000-01-01', 1]), cursorOf(['0|x', 1]),
  cursorOf([null, -1]), cursorOf([null, 2 ** 31]), cursorOf(['a', 1.5]),
  cursorOf({ s: 'opened', k: 'x', id: 1 }), cursorOf({ s: 'opened', k: '2026-01-01 25:00:00+00', id: 1 }), cursorOf({ s: 'deadline', k: 'x', id: 1 }),
  cursorOf({ s: 'subject', k: 'a', id: 2 ** 33 }), cursorOf({ s: 'subject', k: 'a\u0000', id: 1 }), cursorOf({ s: 'subject', k: 'a', id: -1 }),
  'operator.9999999999', 'case.0', 'subject.-1',
];

/** The lists' sort values (cases, subjects), for an edited cursor to be read under each. */
export const LIST_SORTS = ['opened', 'deadline', 'subject', 'name', 'created', 'inspected'];

/** Raw bodies that are not JSON at all, or not UTF-8. */
export const rawBody: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    'null',
    '[]',
    '"text"',
    '42',
    '{"a":1,"a":2}',
    '\ufeff{}',
    new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
    new Uint8Array([0xed, 0xa0, 0x80]),
  ),
);

/** A 10 MB JSON body (a string field far over every limit). */
export function tenMegabyteBody(): string {
  return JSON.stringify({ name: 'x'.repeat(10 * ONE_MB) });
}
