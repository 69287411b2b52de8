import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { POST as uploadRoute } from '../../app/api/v1/evidence/route';
import { GET as downloadRoute } from '../../app/api/v1/evidence/[sha256]/route';
import { POST as inspectionRoute } from '../../app/api/v1/inspections/route';
import { getDb, queryRows } from '../../db/client';
import { cases, evidence, findingEvidence, findings, inspections } from '../../db/schema';
import { storeEvidence } from '../../lib/evidence/store';
import { officeToday, addDays } from '../../lib/time';
import { callRoute, createToken } from '../support/api';
import { setupTestDatabase, teardownTestDatabase } from '../support/db';
import { makeSubject, withTaxonomies } from '../support/fixtures';
import { makePng } from '../support/png';

let inspector: string;
let admin: string;

beforeAll(async () => {
  await setupTestDatabase();
  await withTaxonomies();
  [inspector, admin] = await Promise.all([createToken('inspector'), createToken('admin')]);
});
afterAll(async () => {
  await teardownTestDatabase();
});

/** Stored files and chunks in the database: `files:chunks`. */
const storedFiles = async () => {
  const [r] = await queryRows<{ f: string; c: string }>(await getDb(), sql`SELECT (SELECT count(*) FROM stored_files) AS f, (SELECT count(*) FROM stored_file_chunks) AS c`);
  return `${r!.f}:${r!.c}`;
};

const upload = (bytes: Uint8Array, name: string, token: string | null = inspector) => {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  return callRoute(uploadRoute, { method: 'POST', path: '/api/v1/evidence', token: token ?? undefined, rawBody: form });
};
const evidenceRows = async () => (await (await getDb()).select({ n: count() }).from(evidence))[0]!.n;
const postInspection = (body: unknown, token: string | null = inspector) =>
  callRoute(inspectionRoute, { method: 'POST', path: '/api/v1/inspections', token: token ?? undefined, body });

describe('POST /api/v1/evidence and GET /api/v1/evidence/{sha256}', () => {
  it('stores a PNG once by its SHA-256 in the database and serves the same bytes as an attachment', async () => {
    const png = makePng(7);
    const first = await upload(png, 'screen.png');
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ byteSize: png.length, mediaType: 'image/png' });
    const sha = first.json.sha256 as string;
    expect(await storedFiles()).toBe('1:1');
    const again = await upload(png, 'other-name.png');
    expect(again.status).toBe(200);
    expect(again.json.sha256).toBe(sha);
    expect(await evidenceRows()).toBe(1);
    expect(await storedFiles()).toBe('1:1');
    const raw = await downloadRoute(new NextRequest(`http://rectify.test/api/v1/evidence/${sha}`, { headers: { authorization: `Bearer ${admin}` } }), { params: Promise.resolve({ sha256: sha }) });
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    const down = await callRoute(downloadRoute, { path: `/api/v1/evidence/${sha}`, params: { sha256: sha }, token: admin });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('image/png');
    expect(down.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(down.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await callRoute(downloadRoute, { path: `/api/v1/evidence/${sha}`, params: { sha256: sha } })).status).toBe(401);
    expect((await callRoute(downloadRoute, { path: '/api/v1/evidence/abc', params: { sha256: 'abc' }, token: admin })).status).toBe(404);
  });

  it('refuses an .exe renamed .png (415) and a 30 MB file (413), leaving no row and no file', async () => {
    const rowsBefore = await evidenceRows();
    const filesBefore = await storedFiles();
    const exe = Buffer.alloc(4096);
    exe.write('MZ', 0, 'ascii');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'binary');
    const refused = await upload(exe, 'screenshot.png');
    expect(refused.status).toBe(415);
    expect(refused.json.error.fields).toHaveProperty('file');
    const huge = Buffer.concat([makePng(3), Buffer.alloc(30 * 1024 * 1024)]);
    const tooBig = await upload(huge, 'huge.png');
    expect(tooBig.status).toBe(413);
    expect(await evidenceRows()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('stores a 3 MB file in 1 MiB chunks and serves every byte back', async () => {
    const big = Buffer.concat([makePng(5), randomBytes(3 * 1024 * 1024)]);
    const res = await upload(big, 'big.png');
    expect(res.status).toBe(201);
    const sha = res.json.sha256 as string;
    const raw = await downloadRoute(new NextRequest(`http://rectify.test/api/v1/evidence/${sha}`, { headers: { authorization: `Bearer ${admin}` } }), { params: Promise.resolve({ sha256: sha }) });
    expect(raw.headers.get('content-length')).toBe(String(big.length));
    expect(Buffer.from(await raw.arrayBuffer()).equals(big)).toBe(true);
  });

  it('leaves no file behind when the transaction fails (here: an actor that does not exist)', async () => {
    const filesBefore = await storedFiles();
    const ghost = { kind: 'user' as const, id: 987654, role: 'inspector' as const, name: 'ghost', email: 'ghost@rectify.test' };
    await expect(storeEvidence(await getDb(), ghost, { bytes: makePng(42), originalName: 'ghost.png' })).rejects.toThrow();
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('401 without credentials, 403 for an admin, 400 without a file, 415 when not multipart', async () => {
    expect((await upload(makePng(9), 'a.png', null)).status).toBe(401);
    expect((await upload(makePng(9), 'a.png', admin)).status).toBe(403);
    const empty = await callRoute(uploadRoute, { method: 'POST', path: '/api/v1/evidence', token: inspector, rawBody: new FormData() });
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields).toHaveProperty('file');
    expect((await callRoute(uploadRoute, { method: 'POST', path: '/api/v1/evidence', token: inspector, body: { file: 'x' } })).status).toBe(415);
  });
});

describe('POST /api/v1/inspections', () => {
  it('saves the inspection, its findings with evidence and the legal basis of the category, and opens the case', async () => {
    const subject = await makeSubject();
    const sha = (await upload(makePng(11), 'popup.png')).json.sha256;
    const res = await postInspection({
      subjectId: subject.id, version: '3.2.0', inspectedOn: officeToday(), method: 'technical_test',
      findings: [
        { category: 'permission_forced', severity: 'high', description: '首次启动即索取位置权限，拒绝后无法使用', evidence: [sha] },
        { category: 'rules_undisclosed', severity: 'medium', description: '未提供隐私政策', legalBasis: '《个人信息保护法》第十七条' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.json.case).toMatchObject({ state: 'open', subjectId: subject.id, foundVersion: '3.2.0' });
    const db = await getDb();
    const saved = await db.select().from(findings).where(eq(findings.inspectionId, res.json.inspection.id));
    expect(saved).toHaveLength(2);
    expect(saved.find((f) => f.category === 'permission_forced')!.legalBasis).not.toBe('');
    expect(saved.find((f) => f.category === 'rules_undisclosed')!.legalBasis).toBe('《个人信息保护法》第十七条');
    const links = await db.select().from(findingEvidence).where(eq(findingEvidence.sha256, sha));
    expect(links).toHaveLength(1);
  });

  it('names every invalid field, and unknown references with 422, writing nothing', async () => {
    const db = await getDb();
    const before = (await db.select({ n: count() }).from(inspections))[0]!.n;
    const bad = await postInspection({ subjectId: 'x', version: '', inspectedOn: addDays(officeToday(), 3), method: 'guess', findings: [{ category: '', severity: 'huge', description: '', evidence: ['nothex'] }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(
      expect.arrayContaining(['subjectId', 'version', 'inspectedOn', 'method', 'findings.0.category', 'findings.0.severity', 'findings.0.description', 'findings.0.evidence.0']),
    );
    expect((await postInspection({ subjectId: 1, version: '1', inspectedOn: officeToday(), method: 'complaint', findings: [] })).json.error.fields).toHaveProperty('findings');
    const subject = await makeSubject();
    const unknown = await postInspection({
      subjectId: subject.id, version: '1', inspectedOn: officeToday(), method: 'complaint', campaignId: 999999,
      findings: [{ category: 'no_such_category', severity: 'low', description: 'x', evidence: ['a'.repeat(64)] }],
    });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.json.error.fields).sort()).toEqual(['campaignId', 'findings.0.category', 'findings.0.evidence']);
    expect((await db.select({ n: count() }).from(inspections))[0]!.n).toBe(before);
    expect((await db.select({ n: count() }).from(cases).where(eq(cases.subjectId, subject.id)))[0]!.n).toBe(0);
  });

  it('401 without credentials; 403 for an admin token', async () => {
    const body = { subjectId: 1, version: '1', inspectedOn: officeToday(), method: 'complaint', findings: [{ category: 'deceptive', severity: 'low', description: 'x' }] };
    expect((await postInspection(body, null)).status).toBe(401);
    const res = await postInspection(body, admin);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
  });
});
