/**
 * The public outputs (JSON list and detail, CSV, Atom feed) carry published notices only and public
 * fields only: never a draft or approved notice, an inspector, an internal note or evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { NextRequest } from 'next/server';
import { evidence, findingEvidence, findings, inspections, subjectIdentifiers, users } from '../../db/schema';
import { GET as listRoute } from '../../app/api/public/notices/route';
import { GET as detailRoute } from '../../app/api/public/notices/[slug]/route';
import { GET as feedRoute } from '../../app/(public)/notices/feed.xml/route';
import { CSV_BOM } from '../../lib/csv';
import { approveNotice, createDraft } from '../../lib/notices/commands';
import { publishNotice } from '../../lib/notices/publish';
import { callRoute } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeSubject, makeUser, withTaxonomies } from '../support/fixtures';
import { draftInput, makeOverdueCase } from '../support/notices';

const MARK = {
  inspectorName: 'ZZ-INSPECTOR-NAME',
  inspectorEmail: 'zz.marker.inspector@rectify.test',
  note: 'ZZ-INTERNAL-NOTE',
  finding: 'ZZ-FINDING-DESCRIPTION',
  evidenceUrl: 'https://evidence.internal/ZZ-EVIDENCE',
  evidenceName: 'ZZ-EVIDENCE-FILE.png',
  draft: 'ZZ-DRAFT-TITLE',
  draftIntro: 'ZZ-DRAFT-INTRO',
  approved: 'ZZ-APPROVED-TITLE',
  supervisor: 'ZZ-SUPERVISOR-NAME',
};

let handle: DatabaseHandle;
let slug: string;

beforeAll(async () => {
  handle = await setupTestDatabase();
  await withTaxonomies();
  const a = await makeUser('supervisor', MARK.supervisor);
  const b = await makeUser('supervisor', 'Approver B');
  const inspector = await makeUser('inspector', MARK.inspectorName);
  await handle.db.update(users).set({ email: MARK.inspectorEmail }).where(eq(users.id, inspector.id));

  const formula = await makeSubject({ name: '=HYPERLINK("http://evil","点我")' });
  await handle.db.insert(subjectIdentifiers).values({ subjectId: formula.id, type: 'filing_number', value: '+京ICP备12345678号-1A', matchValue: '京ICP备12345678号' });
  const cs = [await makeOverdueCase({ subjectId: formula.id }), await makeOverdueCase(), await makeOverdueCase()];
  // Private material on the published cases: inspector, notes, finding text, evidence.
  for (const c of cs) {
    await handle.db.update(inspections).set({ inspectorId: inspector.id, notes: MARK.note }).where(eq(inspections.id, c.inspectionId));
    await handle.db.update(findings).set({ description: MARK.finding, legalBasis: MARK.note }).where(eq(findings.inspectionId, c.inspectionId));
  }
  const sha = 'a'.repeat(64);
  await handle.db.insert(evidence).values({ sha256: sha, byteSize: 10, mediaType: 'image/png', originalName: MARK.evidenceName, sourceUrl: MARK.evidenceUrl, uploadedBy: inspector.id });
  const [f] = await handle.db.select().from(findings).where(eq(findings.inspectionId, cs[0]!.inspectionId));
  await handle.db.insert(findingEvidence).values({ findingId: f!.id, sha256: sha });

  const pub = await createDraft(handle.db, a, draftInput(cs.map((c) => c.id)));
  await approveNotice(handle.db, b, pub.id);
  slug = (await publishNotice(handle.db, a, pub.id)).slug!;

  // Unpublished notices with markers: one draft, one approved.
  await createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id], { titleZh: MARK.draft, titleEn: MARK.draft, introZh: MARK.draftIntro, introEn: MARK.draftIntro }));
  const approved = await createDraft(handle.db, a, draftInput([(await makeOverdueCase()).id], { titleZh: MARK.approved, titleEn: MARK.approved }));
  await approveNotice(handle.db, b, approved.id);
});
afterAll(teardownTestDatabase);

function expectNoPrivateData(text: string) {
  for (const [what, marker] of Object.entries(MARK)) expect(text, `public output leaks ${what}`).not.toContain(marker);
  expect(text).not.toMatch(/@rectify\.test/);
  expect(text).not.toMatch(/"(caseId|caseRevision|createdBy|approvedBy|publishedBy|id|revision)"\s*:/);
}

describe('public notice outputs', () => {
  it('lists only the published notice, in JSON, with public fields only', async () => {
    const res = await callRoute(listRoute, { path: '/api/public/notices' });
    expect(res.status).toBe(200);
    expect(res.json.notices.map((n: { slug: string }) => n.slug)).toEqual([slug]);
    expect(Object.keys(res.json.notices[0]).sort()).toEqual(
      ['batchInYear', 'batchOverall', 'correctedBy', 'corrects', 'deadline', 'entryCount', 'intro', 'kind', 'label', 'publishedAt', 'slug', 'title', 'year'].sort(),
    );
    expectNoPrivateData(res.text);
    const searched = await callRoute(listRoute, { path: `/api/public/notices?q=${encodeURIComponent(MARK.draft)}` });
    expect(searched.json.notices).toEqual([]);
    expect((await callRoute(listRoute, { path: '/api/public/notices?year=abc' })).status).toBe(400);
  });

  it('serves the annex as JSON without private fields, and 404 for anything unpublished', async () => {
    const res = await callRoute(detailRoute, { path: `/api/public/notices/${slug}`, params: { slug } });
    expect(res.status).toBe(200);
    expect(res.json.entries).toHaveLength(3);
    expect(Object.keys(res.json.entries[0]).sort()).toEqual(['appName', 'categories', 'deadline', 'filingNumber', 'no', 'operator', 'problems', 'region', 'source', 'version']);
    expectNoPrivateData(res.text);
    for (const other of ['draft', '1', 'null', '9999-1']) {
      expect((await callRoute(detailRoute, { path: `/api/public/notices/${other}`, params: { slug: other } })).status).toBe(404);
    }
  });

  it('downloads CSV with a BOM, neutralised formulas and no private data', async () => {
    const res = await callRoute(detailRoute, { path: `/api/public/notices/${slug}?format=csv`, params: { slug } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain(`notice-${slug}.csv`);
    const bytes = new Uint8Array(await (await detailRoute(new NextRequest(`http://x/api/public/notices/${slug}?format=csv`), { params: Promise.resolve({ slug }) })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(CSV_BOM, '').split('\r\n');
    expect(lines[0]).toBe('序号,应用名称,开发者/运营者,应用来源,应用版本,备案号,所属地区,所涉问题,整改时限');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(lines[1]).toContain(`'+京ICP备12345678号-1A`);
    for (const line of lines.slice(1).filter(Boolean)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
    expectNoPrivateData(res.text);
    const en = await callRoute(detailRoute, { path: `/api/public/notices/${slug}?format=csv&lang=en`, params: { slug } });
    expect(en.text).toContain('No.,App name,Developer / operator');
    expect((await callRoute(detailRoute, { path: `/api/public/notices/${slug}?format=xls`, params: { slug } })).status).toBe(400);
  });

  it('publishes a valid, escaped Atom feed of published notices only', async () => {
    const res = await callRoute(feedRoute, { path: '/notices/feed.xml' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(res.text.match(/<entry>/g)).toHaveLength(1);
    expect(res.text).toContain(`<id>http://rectify.test/notices/${slug}</id>`);
    for (const required of ['<id>', '<title>', '<updated>', '<author><name>']) expect(res.text).toContain(required);
    expectNoPrivateData(res.text);
    const en = await callRoute(feedRoute, { path: '/notices/feed.xml?lang=en' });
    expect(en.text).toContain('xml:lang="en"');
    expect(en.text).toContain('<title>Notice on apps infringing users’ rights</title>');
  });
});
