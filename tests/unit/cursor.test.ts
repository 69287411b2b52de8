import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http/errors';
import { decodeCursor, encodeCursor } from '@/lib/http/cursor';
import { isCalendarDate, isTimestamp } from '@/lib/time';

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The 400 decodeCursor answers, or null when it took the cursor. */
function refusal(cursor: string, head?: Parameters<typeof decodeCursor>[1]): { status: number; fields: unknown } | null {
  try {
    decodeCursor(cursor, head);
    return null;
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    return { status: err.status, fields: err.fields };
  }
}

describe('isCalendarDate: the days Postgres `date` takes', () => {
  it('takes real days from year 1 on', () => {
    for (const day of ['2026-12-07', '2024-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDate(day), day).toBe(true);
  });
  it('refuses what is not a day, and year 0 (an error in Postgres, a date in JavaScript)', () => {
    for (const value of ['x', '2026-02-30', '2025-02-29', '2026-13-01', '0000-01-01', '2026-1-1', '20261207', ' 2026-12-07', null, 20261207]) expect(isCalendarDate(value), String(value)).toBe(false);
  });
});

describe('isTimestamp: the instants Postgres `timestamptz` takes (the case list’s cursor)', () => {
  it('takes what Postgres prints for a timestamptz, and ISO 8601', () => {
    for (const t of ['2026-12-07 03:04:05.123456+00', '2026-12-07 11:04:05+08', '2026-12-07 09:04:05.1+05:30', '1900-01-01 00:00:00+08:05:43', '2026-12-07T03:04:05Z', '2026-12-07T03:04:05.123Z']) expect(isTimestamp(t), t).toBe(true);
  });
  it('refuses what Postgres would refuse', () => {
    for (const t of ['x', '2026-02-30 00:00:00+00', '0000-01-01 00:00:00+00', '2026-12-07 25:00:00+00', '2026-12-07 10:60:00+00', '2026-12-07 10:00:00+16', '2026-12-07', null, 1]) expect(isTimestamp(t), String(t)).toBe(false);
  });
});

describe('decodeCursor with the list’s head check', () => {
  it('gives back the key of a cursor a date-keyed page handed out', () => {
    expect(decodeCursor(encodeCursor(['2026-06-15', 42]), isCalendarDate)).toEqual(['2026-06-15', 42]);
  });
  // Found by the hostile suite (seed 1339097385): /campaigns?cursor=WyJ4IiwxXQ (["x",1]) reached Postgres as
  // 'x'::date and the page answered 500.
  it('answers a head the list cannot compare with a 400 naming `cursor`, before any query', () => {
    for (const head of ['x', null, '0000-01-01', '2026-02-30', 7]) {
      expect(refusal(cursorOf([head, 1]), isCalendarDate), JSON.stringify(head)).toEqual({ status: 400, fields: { cursor: 'Unknown cursor.' } });
    }
    expect(refusal('WyJ4IiwxXQ', isCalendarDate)?.status).toBe(400);
  });
  // An id is a row id or the region search's offset: a negative one reached Postgres as OFFSET -1 (a 500).
  it('answers an id below 0 or past Postgres’s integer with a 400 naming `cursor`', () => {
    for (const id of [-1, 2 ** 31, 1.5]) expect(refusal(cursorOf([null, id])), String(id)).toEqual({ status: 400, fields: { cursor: 'Unknown cursor.' } });
    expect(decodeCursor(cursorOf([null, 0]))).toEqual([null, 0]);
  });
  it('still takes any storable head where the list has no check of its own', () => {
    expect(refusal('WyJ4IiwxXQ')).toBeNull();
  });
});
