/**
 * The repeat-offender tallies (migration 0028: counted cases per operator, per operator and campaign,
 * per subject with its fixed ones) are kept by the writes themselves; the full recompute reads them to
 * find who can qualify. After every kind of write they must be what the base tables say — counted by
 * a query of its own here — and the recompute over them must change no flag the rules' scoped
 * refreshes wrote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { campaigns, caseEvents, cases, inspections, subjects } from '../../db/schema';
import { transitionCase } from '../../lib/cases/transition';
import { createImportJob } from '../../lib/imports/jobs';
import { runImportJob } from '../../lib/imports/run';
import { recomputeOffenderFlags } from '../../lib/offenders/refresh';
import { addDays, officeToday } from '../../lib/time';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { csvText, importRow, type Row } from '../support/import-file';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-offender-tallies-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await teardownTestDatabase();
});

type Tally = Record<string, number[]>;

/** What the base tables say, per operator (campaign 0: all of them), per operator and campaign, per subject. */
async function truth(): Promise<{ operators: Tally; subjects: Tally }> {
  const all = await queryRows<{ operator_id: number; n: number }>(handle.db, sql`
    SELECT s.operator_id, count(*)::int AS n FROM cases c JOIN subjects s ON s.id = c.subject_id
    WHERE c.state <> 'withdrawn' AND s.operator_id IS NOT NULL GROUP BY s.operator_id`);
  const byCampaign = await queryRows<{ operator_id: number; campaign_id: number; n: number }>(handle.db, sql`
    SELECT s.operator_id, i.campaign_id, count(*)::int AS n FROM cases c JOIN subjects s ON s.id = c.subject_id JOIN inspections i ON i.id = c.inspection_id
    WHERE c.state <> 'withdrawn' AND s.operator_id IS NOT NULL AND i.campaign_id IS NOT NULL GROUP BY s.operator_id, i.campaign_id`);
  const perSubject = await queryRows<{ subject_id: number; n: number; fixed: number }>(handle.db, sql`
    SELECT subject_id, count(*) FILTER (WHERE state <> 'withdrawn')::int AS n, count(*) FILTER (WHERE state IN ('verified', 'reinstated'))::int AS fixed
    FROM cases GROUP BY subject_id`);
  const operators: Tally = {};
  for (const r of all) operators[`${r.operator_id}/0`] = [Number(r.n)];
  for (const r of byCampaign) operators[`${r.operator_id}/${r.campaign_id}`] = [Number(r.n)];
  const subjectsOut: Tally = {};
  for (const r of perSubject) if (Number(r.n) || Number(r.fixed)) subjectsOut[String(r.subject_id)] = [Number(r.n), Number(r.fixed)];
  return { operators, subjects: subjectsOut };
}

/** The tallies as kept (a tally back at 0 is no figure). */
async function tallies(): Promise<{ operators: Tally; subjects: Tally }> {
  const ops = await queryRows<{ operator_id: number; campaign_id: number; cases: number }>(handle.db, sql`SELECT * FROM offender_operator_tallies WHERE cases <> 0`);
  const subs = await queryRows<{ subject_id: number; cases: number; fixed: number }>(handle.db, sql`SELECT * FROM offender_subject_tallies WHERE cases <> 0 OR fixed <> 0`);
  return {
    operators: Object.fromEntries(ops.map((r) => [`${r.operator_id}/${r.campaign_id}`, [Number(r.cases)]])),
    subjects: Object.fromEntries(subs.map((r) => [String(r.subject_id), [Number(r.cases), Number(r.fixed)]])),
  };
}

async function expectTalliesExact(label: string) {
  expect(await tallies(), label).toEqual(await truth());
}

async function importFile(rows: Row[], dryRun = false) {
  const file = path.join(dir, 'tallies.csv');
  fs.writeFileSync(file, csvText(rows));
  const job = await createImportJob(handle.db, null, { format: 'csv', filename: 'tallies.csv', dryRun, fileBytes: fs.statSync(file).size }, fs.createReadStream(file));
  return runImportJob(handle, { jobId: job.id, format: 'csv', filename: 'tallies.csv', dryRun, actor: null });
}

describe('offender tallies', () => {
  it('are what the base tables say after every kind of write, and the recompute over them changes no flag', async () => {
    const db = handle.db;
    const [camp] = await db.insert(campaigns).values({ code: 'tally-2026', nameZh: '计数专项', nameEn: 'Tallies', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
    const [camp2] = await db.insert(campaigns).values({ code: 'tally-2026b', nameZh: '计数专项二', nameEn: 'Tallies B', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
    // Inspections, findings and cases created as the inspection form does (openCaseForInspection).
    const op = await makeOperator();
    const other = await makeOperator();
    const subs = [await makeSubject({ operatorId: op.id }), await makeSubject({ operatorId: op.id }), await makeSubject({ operatorId: other.id })];
    const made: Awaited<ReturnType<typeof makeCase>>[] = [];
    for (const [i, s] of subs.entries()) {
      made.push(await makeCase({ subjectId: s.id, campaignId: camp!.id, inspectedOn: '2026-03-01' }));
      made.push(await makeCase({ subjectId: s.id, campaignId: i === 0 ? camp!.id : undefined, inspectedOn: '2026-04-01' }));
    }
    // A subject without an operator counts for itself only.
    const [loose] = await db.insert(subjects).values({ kind: 'app', platform: 'android', name: '无主体应用', sector: 'parking', operatorId: null }).returning();
    await makeCase({ subjectId: loose!.id, inspectedOn: '2026-04-02' });
    await expectTalliesExact('after cases were opened');
    const initial = await tallies();
    expect(initial.operators[`${op.id}/0`]).toEqual([4]);
    expect(initial.operators[`${op.id}/${camp!.id}`]).toEqual([3]);

    // Ladder transitions: one that changes nothing counted, a fix (verified), a withdrawal.
    const supervisor = await makeUser('supervisor');
    const future = addDays(officeToday(), 10);
    await db.transaction(async (tx) => {
      const [a, b, c] = made;
      const ordered = await transitionCase(tx, supervisor, a!.id, a!.revision, { to: 'ordered', input: { deadline: future } });
      const rectified = await transitionCase(tx, supervisor, a!.id, ordered.revision, { to: 'rectified', input: { reason: '已整改', version: '2.0.0' } });
      await transitionCase(tx, supervisor, a!.id, rectified.revision, { to: 'verified', input: { version: '2.0.0' } });
      await transitionCase(tx, supervisor, b!.id, b!.revision, { to: 'ordered', input: { deadline: future } });
      await transitionCase(tx, supervisor, c!.id, c!.revision, { to: 'withdrawn', input: { reason: '误报' } });
    });
    await expectTalliesExact('after transitions');
    const afterTransitions = await tallies();
    expect(afterTransitions.operators[`${op.id}/0`]).toEqual([3]);
    expect(afterTransitions.subjects[String(subs[0]!.id)]).toEqual([2, 1]);

    // A subject moves to another operator; an inspection to another campaign (neither has a form
    // that does it today: the triggers keep them exact anyway).
    await db.update(subjects).set({ operatorId: other.id }).where(eq(subjects.id, subs[1]!.id));
    await expectTalliesExact('after a subject changed operator');
    await db.update(inspections).set({ campaignId: camp2!.id }).where(eq(inspections.id, made[0]!.inspectionId));
    await db.update(inspections).set({ campaignId: null }).where(eq(inspections.id, made[4]!.inspectionId));
    await expectTalliesExact('after inspections changed campaign');

    // An import (deferred while it applies, added before its commit): new subjects and known ones.
    const known = await queryRows<{ name: string }>(db, sql`SELECT name FROM subjects WHERE id = ${subs[2]!.id}`);
    expect(known).toHaveLength(1);
    const rows = Array.from({ length: 12 }, (_, i) => importRow(i, { source: 'tallies', perSubject: 2, perInspection: 1, perOperator: 3 }))
      .map((r, i) => (i % 4 === 0 ? { ...r, campaign: 'tally-2026' } : r));
    const before = await tallies();
    const dry = await importFile(rows, true);
    expect(dry.created.cases).toBeGreaterThan(0);
    expect(await tallies(), 'a dry run leaves the tallies as they were').toEqual(before);
    const applied = await importFile(rows);
    expect(applied.created.cases).toBeGreaterThan(0);
    await expectTalliesExact('after an import');
    expect(Object.keys((await tallies()).subjects).length).toBeGreaterThan(Object.keys(before.subjects).length);

    // A case deleted (no form deletes one; the tallies follow anyway).
    const gone = made[5]!;
    await db.transaction(async (tx) => {
      await tx.delete(caseEvents).where(eq(caseEvents.caseId, gone.id));
      await tx.delete(cases).where(eq(cases.id, gone.id));
    });
    await expectTalliesExact('after a case was deleted');

    // The recompute (reading the tallies) and the rules' own refreshes agree: a second recompute changes nothing,
    // and neither does one that reads the base tables whole (a deferring transaction).
    await db.transaction((tx) => recomputeOffenderFlags(tx));
    const again = await db.transaction((tx) => recomputeOffenderFlags(tx));
    expect(again.map((o) => o.changed + o.resolved + o.reopened)).toEqual([0, 0, 0, 0]);
    const whole = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT stats_defer()`);
      const out = await recomputeOffenderFlags(tx);
      await tx.execute(sql`SELECT stats_deferred_deltas()`);
      await tx.execute(sql`SELECT stats_merge_deferred()`);
      return out;
    });
    expect(whole.map((o) => o.changed + o.resolved + o.reopened)).toEqual([0, 0, 0, 0]);
  });
});
