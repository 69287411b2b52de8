/**
 * lib/actions/define.ts through real actions, on the test database (PGlite, or Postgres with
 * TEST_DATABASE_URL): authorization before parsing, every field's error at once, the write and its
 * audit event in one transaction, and a refusal from the database (the probable-match link review
 * used to let it escape as an exception) answered as the form's error. Words are the API's English
 * here: outside a Next request there is no reader's language (the e2e specs see the translations).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '../../db/client';
import { setDefaultDeadline, setOfficeNames } from '../../lib/admin/actions';
import { transitionCase } from '../../lib/cases/actions';
import { decideSubjectLink } from '../../lib/registry/actions';
import { runWithRequest } from '../../lib/http/request-context';
import { createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeSubject, withTaxonomies } from '../support/fixtures';

let tokens: Record<'inspector' | 'admin', string>;
let subjectA: number;
let subjectB: number;

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  tokens = { inspector: await createToken('inspector'), admin: await createToken('admin') };
  subjectA = (await makeSubject()).id;
  subjectB = (await makeSubject()).id;
});
afterAll(teardownTestDatabase);

const as = <T>(who: keyof typeof tokens, fn: () => Promise<T>) => runWithRequest(new Headers({ authorization: `Bearer ${tokens[who]}` }), fn);

async function audits(action: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(await getDb(), sql`SELECT count(*) AS n FROM audit_events WHERE action = ${action}`);
  return Number(row!.n);
}

describe('defineAction', () => {
  it('writes and records its audit event in one transaction, answering ActionResult', async () => {
    const before = await audits('settings.default_deadline_days');
    const result = await as('admin', () => setDefaultDeadline({ days: 12 }));
    expect(result).toMatchObject({ ok: true, data: { days: 12 } });
    expect(await audits('settings.default_deadline_days')).toBe(before + 1);
  });

  it('reads a form (FormData) the same way', async () => {
    const form = new FormData();
    form.set('nameZh', '办公室');
    form.set('nameEn', 'The office');
    expect(await as('admin', () => setOfficeNames(form))).toMatchObject({ ok: true, data: { nameZh: '办公室', nameEn: 'The office' } });
  });

  it('authorizes before it reads the input: the wrong role is refused even for an invalid input, with nothing written', async () => {
    const before = await audits('settings.default_deadline_days');
    expect(await as('inspector', () => setDefaultDeadline({ days: 'many' }))).toMatchObject({ ok: false, status: 403, code: 'forbidden' });
    expect(await runWithRequest(new Headers(), () => setDefaultDeadline({ days: 3 }))).toMatchObject({ ok: false, status: 401 });
    expect(await audits('settings.default_deadline_days')).toBe(before);
  });

  it('names every invalid field at once', async () => {
    const result = await as('inspector', () => transitionCase({ caseId: 'x', to: 'nowhere', expectedRevision: 0 }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.status).toBe(400);
    expect(Object.keys(result.fieldErrors).sort()).toEqual(expect.arrayContaining(['caseId', 'expectedRevision', 'to']));
  });

  it('answers a refusal from the database as the form’s error, never an exception (the link review)', async () => {
    const nul = await as('inspector', () => decideSubjectLink({ subjectId: subjectA, otherSubjectId: subjectB, verdict: 'same', reason: 'a\u0000b' }));
    expect(nul).toMatchObject({ ok: false, status: 400, fieldErrors: { reason: expect.any(String) } });
    const gone = await as('inspector', () => decideSubjectLink({ subjectId: subjectA, otherSubjectId: 999_999, verdict: 'same' }));
    expect(gone).toMatchObject({ ok: false, status: 404 });
    const self = await as('inspector', () => decideSubjectLink({ subjectId: subjectA, otherSubjectId: subjectA, verdict: 'same' }));
    expect(self).toMatchObject({ ok: false, status: 422, fieldErrors: { otherSubjectId: expect.any(String) } });
    expect(await audits('subject.link_same')).toBe(0);
  });
});
