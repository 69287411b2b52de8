import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { auditEvents, caseEvents, notices } from '../../db/schema';
import type { Actor } from '../../lib/auth/actor';
import { transitionCase } from '../../lib/cases/transition';
import { HttpError } from '../../lib/http/errors';
import { approveNotice, createDraft, updateDraft } from '../../lib/notices/commands';
import { publishNotice } from '../../lib/notices/publish';
import { getPublicNotice } from '../../lib/notices/public';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { getCase, makeCase, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { draftInput, makeOverdueCase, noticeDeadline } from '../support/notices';

let handle: DatabaseHandle;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  a = await makeUser('supervisor', 'Supervisor A');
  b = await makeUser('supervisor', 'Supervisor B');
});
afterAll(teardownTestDatabase);

async function refusal(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

const maxOverall = async () =>
  ((await handle.db.select({ n: sql<number | null>`max(${notices.batchOverall})` }).from(notices)) as [{ n: number | null }])[0].n;

describe('the notice workflow', () => {
  it('drafts, refuses the author’s approval, approves by another supervisor, publishes and notifies the cases', async () => {
    const cs = [await makeOverdueCase(), await makeOverdueCase(), await makeOverdueCase({ categories: ['collect_illegal', 'permission_forced'] })];
    const draft = await createDraft(handle.db, a, draftInput(cs.map((c) => c.id)));
    expect(draft.status).toBe('draft');

    const own = await refusal(approveNotice(handle.db, a, draft.id));
    expect(own.status).toBe(403);
    expect(own.message).toMatch(/different supervisor must approve/);

    const approved = await approveNotice(handle.db, b, draft.id);
    expect(approved).toMatchObject({ status: 'approved', approvedBy: b.id });
    // Approved: no longer editable, even by its author.
    expect((await refusal(updateDraft(handle.db, a, draft.id, { ...draftInput([cs[0]!.id]), expectedRevision: approved.revision }))).status).toBe(409);

    const published = await publishNotice(handle.db, a, draft.id);
    const year = Number(new Date().toISOString().slice(0, 4));
    expect(published).toMatchObject({ status: 'published', batchInYear: 1, batchOverall: 1, slug: `${published.year}-1` });
    expect(Math.abs(published.year! - year)).toBeLessThanOrEqual(1);

    for (const c of cs) {
      const now = await getCase(c.id);
      expect(now).toMatchObject({ state: 'notified', deadline: noticeDeadline(), revision: c.revision + 1 });
      const [event] = await handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.toState, 'notified')));
      expect(event).toMatchObject({ noticeId: draft.id, actorUserId: a.id });
    }
    const pub = await getPublicNotice(handle.db, published.slug!);
    expect(pub.entries).toHaveLength(3);
    expect(pub.entries![2]).toMatchObject({ no: 3, version: '1.0.0', problems: { zh: '违规收集个人信息、强制、频繁、过度索取权限' }, categories: ['collect_illegal', 'permission_forced'], deadline: noticeDeadline() });
    expect(pub.entries![0]!.region).toBe('浙江省杭州市');

    // Immutable: every later edit is refused.
    expect((await refusal(updateDraft(handle.db, a, draft.id, { ...draftInput([]), expectedRevision: published.revision }))).message).toMatch(/published and can no longer change/);
    expect((await refusal(publishNotice(handle.db, a, draft.id))).status).toBe(409);
    const audit = await handle.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityType, 'notice'), eq(auditEvents.entityId, String(draft.id))));
    expect(audit.map((r) => r.action)).toEqual(['notice.draft', 'notice.approve', 'notice.publish']);
  });

  it('fails whole when a case moved after drafting: nothing published, no case moved, no number used', async () => {
    const before = await maxOverall();
    const cs = [await makeOverdueCase(), await makeOverdueCase(), await makeOverdueCase()];
    const draft = await createDraft(handle.db, a, draftInput(cs.map((c) => c.id)));
    await approveNotice(handle.db, b, draft.id);
    // Meanwhile an inspector records the operator's fix on the second case.
    const moved = await handle.db.transaction((tx) => transitionCase(tx, a, cs[1]!.id, cs[1]!.revision, { to: 'rectified', input: { reason: '运营方已整改', version: '1.0.1' } }));

    const err = await refusal(publishNotice(handle.db, a, draft.id));
    expect(err.status).toBe(409);
    expect(err.message).toMatch(new RegExp(`not published.*\\(${cs[1]!.id}\\)`));
    expect(err.fields).toHaveProperty(String(cs[1]!.id));

    const [after] = await handle.db.select().from(notices).where(eq(notices.id, draft.id));
    expect(after).toMatchObject({ status: 'approved', slug: null, batchOverall: null });
    expect((await getCase(cs[0]!.id)).state).toBe('ordered');
    expect((await getCase(cs[2]!.id)).revision).toBe(cs[2]!.revision);
    expect((await getCase(cs[1]!.id)).revision).toBe(moved.revision);
    expect(await maxOverall()).toBe(before);

    // The next publication takes the next number: none was consumed by the failure.
    const ok = await createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id]));
    await approveNotice(handle.db, b, ok.id);
    expect((await publishNotice(handle.db, b, ok.id)).batchOverall).toBe((before ?? 0) + 1);
  });

  it('refuses a case that is not eligible or that changed since the composer saw it, naming it', async () => {
    const fresh = await makeCase(); // open, no deadline
    const notYet = await makeOverdueCase({ daysAgo: -3 }); // ordered, deadline in three days
    const err = await refusal(createDraft(handle.db, a, draftInput([fresh.id, notYet.id])));
    expect(err.status).toBe(422);
    expect(err.fields).toMatchObject({ [`caseIds.${fresh.id}`]: expect.stringMatching(/is open/), [`caseIds.${notYet.id}`]: expect.stringMatching(/not past its deadline/) });
    const overdue = await makeOverdueCase();
    const stale = await refusal(createDraft(handle.db, a, { ...draftInput([overdue.id]), caseRevisions: { [overdue.id]: overdue.revision - 1 } }));
    expect(stale.status).toBe(409);
    const past = await refusal(createDraft(handle.db, a, draftInput([overdue.id], { deadline: '2020-01-01' })));
    expect(past.fields).toHaveProperty('deadline');
  });

  it('lets only the author edit a draft, at the revision they saw', async () => {
    const c1 = await makeOverdueCase();
    const c2 = await makeOverdueCase();
    const draft = await createDraft(handle.db, a, draftInput([c1.id]));
    expect((await refusal(updateDraft(handle.db, b, draft.id, { ...draftInput([c2.id]), expectedRevision: 1 }))).status).toBe(403);
    const edited = await updateDraft(handle.db, a, draft.id, { ...draftInput([c2.id, c1.id], { titleZh: '修改后的标题' }), expectedRevision: 1 });
    expect(edited).toMatchObject({ revision: 2, titleZh: '修改后的标题' });
    expect((await refusal(updateDraft(handle.db, a, draft.id, { ...draftInput([c1.id]), expectedRevision: 1 }))).status).toBe(409);
  });

  it('has the database refuse an approval by the author (notices_four_eyes)', async () => {
    const draft = await createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id]));
    await expect(handle.db.update(notices).set({ approvedBy: a.id }).where(eq(notices.id, draft.id))).rejects.toThrow();
  });

  it('numbers concurrent publications distinctly and moves notified cases to removed with a removal notice', async () => {
    const drafts = await Promise.all([0, 1, 2].map(async () => createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id]))));
    for (const d of drafts) await approveNotice(handle.db, b, d.id);
    const published = await Promise.all(drafts.map((d) => publishNotice(handle.db, a, d.id)));
    const numbers = published.map((p) => p.batchOverall);
    expect(new Set(numbers).size).toBe(3);
    expect(new Set(published.map((p) => p.slug)).size).toBe(3);

    // A removal notice names a notified case still unrectified after the deadline (here: backdated).
    const notifiedId = (await handle.db.select({ id: sql<number>`case_id` }).from(sql`notice_entries`).where(sql`notice_id = ${drafts[0]!.id}`))[0]!.id;
    await handle.db.execute(sql`update cases set deadline = current_date - 2 where id = ${notifiedId}`);
    const removal = await createDraft(handle.db, a, draftInput([notifiedId], { kind: 'removal', deadline: null, titleZh: '下架通报' }));
    await approveNotice(handle.db, b, removal.id);
    await publishNotice(handle.db, b, removal.id);
    expect((await getCase(notifiedId)).state).toBe('removed');
  });

  it('publishes an erratum linked to the notice it corrects, shown on both, without moving cases again', async () => {
    const c = await makeOverdueCase({ subjectId: (await makeSubject({ name: '错名App' })).id });
    const original = await createDraft(handle.db, a, draftInput([c.id]));
    await approveNotice(handle.db, b, original.id);
    const pubOriginal = await publishNotice(handle.db, a, original.id);
    const erratum = await createDraft(handle.db, b, draftInput([c.id], { correctsNoticeId: original.id, titleZh: '更正通报', introZh: '更正附件第1行的应用名称。' }));
    await approveNotice(handle.db, a, erratum.id);
    const pubErratum = await publishNotice(handle.db, b, erratum.id);
    expect((await getCase(c.id)).state).toBe('notified');
    expect((await getPublicNotice(handle.db, pubOriginal.slug!)).correctedBy.map((l) => l.slug)).toEqual([pubErratum.slug]);
    expect((await getPublicNotice(handle.db, pubErratum.slug!)).corrects?.slug).toBe(pubOriginal.slug);
    // Only a published notice can be corrected.
    const draft = await createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id]));
    expect((await refusal(createDraft(handle.db, a, draftInput([], { correctsNoticeId: draft.id })))).fields).toHaveProperty('correctsNoticeId');
  });
});
