/**
 * An import refreshes the offender flags of what it touched only (lib/imports/apply.ts →
 * refreshOffenderFlagsWhere); the full recompute over the same data must then find nothing to change.
 * The file below changes the verdict of every rule on data that was there before it (a third case of an
 * operator, a category found again after a fix, a removed app's certificate on a new app, a third
 * product in a campaign, new evidence on a dismissed flag), beside flags it does not touch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle } from '../../db/client';
import { campaigns, offenderFlags } from '../../db/schema';
import { createImportJob } from '../../lib/imports/jobs';
import { runImportJob } from '../../lib/imports/run';
import { recomputeOffenderFlags } from '../../lib/offenders/refresh';
import { withUsccCheckDigit } from '../../lib/domain/uscc';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeCase, makeOperator, makeSubject, withTaxonomies } from '../support/fixtures';
import { csvText, importRow, type Row } from '../support/import-file';
import { setCaseState } from '../support/offenders';

let handle: DatabaseHandle;
let dir: string;
beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-offenders-incremental-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await teardownTestDatabase();
});

const CERT = 'ab'.repeat(32);
const uscc = (n: number) => withUsccCheckDigit(`91440300MA${String(n).padStart(7, '0')}`);

/** Every column of every flag that a rule writes, in a stable order. */
async function flags() {
  const rows = await handle.db.select().from(offenderFlags).orderBy(offenderFlags.rule, offenderFlags.targetKey);
  return rows.map((f) => ({
    rule: f.rule, target: f.targetKey, operator: f.operatorId, subject: f.subjectId, campaign: f.campaignId, status: f.status,
    weight: f.weight, explanation: f.explanation, caseIds: f.caseIds, evidenceKey: f.evidenceKey, resolved: f.resolvedAt !== null,
  }));
}

async function importFile(rows: Row[]) {
  const file = path.join(dir, 'touch.csv');
  fs.writeFileSync(file, csvText(rows));
  const job = await createImportJob(handle.db, null, { format: 'csv', filename: 'touch.csv', dryRun: false, fileBytes: fs.statSync(file).size }, fs.createReadStream(file));
  return runImportJob(handle, { jobId: job.id, format: 'csv', filename: 'touch.csv', dryRun: false, actor: null });
}

describe('offender flags after an import', () => {
  it('are what the full recompute makes of the same data, for every rule', async () => {
    const [camp] = await handle.db.insert(campaigns).values({ code: 'inc-2026', nameZh: '增量专项', nameEn: 'Incremental', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
    // operator_recurrence: two cases before; the file brings the third (a new app of the same USCC).
    const recurring = await makeOperator({ uscc: uscc(1) });
    for (const d of ['2026-03-01', '2026-04-01']) await makeCase({ subjectId: (await makeSubject({ operatorId: recurring.id })).id, inspectedOn: d });
    // subject_recidivism: autostart fixed on 2026-03-01; the file finds it again on the same app.
    const fixed = await makeSubject({ kind: 'app', platform: 'android', name: '修复过的应用' }, [{ type: 'package_name', value: 'com.inc.fixed' }]);
    const fixedCase = await makeCase({ subjectId: fixed.id, categories: ['autostart'], inspectedOn: '2026-02-01' });
    await setCaseState(fixedCase.id, 'verified', '2026-03-01T10:00:00+08:00');
    // evasion: an app removed on 2026-02-01; the file registers a new app with its signing certificate.
    const removed = await makeSubject({ kind: 'app', platform: 'android', name: '被下架的应用' }, [{ type: 'package_name', value: 'com.inc.removed' }, { type: 'cert_sha256', value: CERT }]);
    await setCaseState((await makeCase({ subjectId: removed.id, inspectedOn: '2026-01-15' })).id, 'removed', '2026-02-01T10:00:00+08:00');
    // multi_line: two products in the campaign; the file brings a third.
    const lines = await makeOperator({ uscc: uscc(2) });
    for (const name of ['甲停车', '乙外卖']) await makeCase({ subjectId: (await makeSubject({ operatorId: lines.id, name })).id, campaignId: camp!.id, inspectedOn: '2026-05-01' });
    // A dismissed operator_recurrence flag (3 cases reviewed); the file brings a fourth case.
    const dismissed = await makeOperator({ uscc: uscc(3) });
    for (const d of ['2026-01-10', '2026-02-10', '2026-03-10']) await makeCase({ subjectId: (await makeSubject({ operatorId: dismissed.id })).id, inspectedOn: d });
    // Untouched: an operator flag the file has nothing to do with.
    const other = await makeOperator();
    for (const d of ['2026-01-05', '2026-02-05', '2026-03-05']) await makeCase({ subjectId: (await makeSubject({ operatorId: other.id })).id, inspectedOn: d });
    await handle.db.transaction((tx) => recomputeOffenderFlags(tx));
    await handle.db.update(offenderFlags).set({ status: 'dismissed', reviewedCaseIds: sql`case_ids` }).where(eq(offenderFlags.targetKey, `operator:${dismissed.id}`));
    const before = await flags();

    const app = (i: number, o: Partial<Row>): Row => ({ ...importRow(i, { source: 'incremental', perSubject: 1, perInspection: 1 }), subject_kind: 'app', platform: 'android', store: 'huawei', mini_program_appid: '', ...o });
    const rows = [
      app(0, { package_name: 'com.inc.third', subject_name: '第三个应用', operator_uscc: uscc(1), detected_at: '2026-05-01T10:00:00+08:00' }),
      app(1, { package_name: 'com.inc.fixed', subject_name: '修复过的应用', category: 'autostart', detected_at: '2026-06-01T10:00:00+08:00' }),
      app(2, { package_name: 'com.inc.newcert', subject_name: '换壳应用', cert_sha256: CERT, detected_at: '2026-06-02T10:00:00+08:00' }),
      app(3, { package_name: 'com.inc.third-line', subject_name: '丙充电', operator_uscc: uscc(2), campaign: 'inc-2026', detected_at: '2026-06-03T10:00:00+08:00' }),
      app(4, { package_name: 'com.inc.fourth', subject_name: '第四个应用', operator_uscc: uscc(3), detected_at: '2026-04-10T10:00:00+08:00' }),
      // Rows that change no verdict: new subjects of new operators.
      ...Array.from({ length: 20 }, (_, i) => importRow(100 + i, { source: 'incremental', perSubject: 2, perInspection: 1, perOperator: 3 })),
    ];
    const counts = await importFile(rows);
    expect(counts.rejected).toBe(0);
    const after = await flags();

    // The import changed the verdict of every rule (else this test proves nothing) …
    const changed = after.filter((f) => JSON.stringify(f) !== JSON.stringify(before.find((b) => b.rule === f.rule && b.target === f.target)));
    expect(new Set(changed.map((f) => f.rule))).toEqual(new Set(['operator_recurrence', 'subject_recidivism', 'evasion', 'multi_line']));
    expect(after.find((f) => f.target === `operator:${dismissed.id}`)).toMatchObject({ status: 'open', resolved: false });
    expect(after.find((f) => f.target === `operator:${recurring.id}`)).toMatchObject({ status: 'open', resolved: false });
    expect(after.find((f) => f.target === `operator:${lines.id}/campaign:${camp!.id}`)).toMatchObject({ rule: 'multi_line' });
    expect(after.find((f) => f.target === `subject:${fixed.id}/category:autostart`)).toMatchObject({ rule: 'subject_recidivism' });
    const [x] = await queryRows<{ id: number }>(handle.db, sql`SELECT subject_id AS id FROM subject_identifiers WHERE match_value = 'com.inc.newcert'`);
    expect(after.find((f) => f.target === `subject:${x!.id}`)).toMatchObject({ rule: 'evasion' });
    const [reopen] = await queryRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'offender_flag.reopen'`);
    expect(Number(reopen!.n)).toBe(1);

    // … and the full recompute over the same data finds nothing to change.
    const outcomes = await handle.db.transaction((tx) => recomputeOffenderFlags(tx));
    expect(outcomes.map(({ rule, changed, resolved, reopened }) => ({ rule, changed, resolved, reopened }))).toEqual(
      ['operator_recurrence', 'subject_recidivism', 'evasion', 'multi_line'].map((rule) => ({ rule, changed: 0, resolved: 0, reopened: 0 })),
    );
    expect(await flags()).toEqual(after);
  });
});
