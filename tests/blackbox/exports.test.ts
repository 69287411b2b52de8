/**
 * Spreadsheet exports over HTTP (issue #15): the XLSX of a filtered case list opens (read back with
 * exceljs) with the same rows as the list, headers and values in the reader's language, times in
 * office time, versions kept as text; the CSV carries the same localized columns.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginAs, request, type Session } from './support/client';

let inspector: Session;
let subjectId: number;
let caseId: number;

async function readXlsx(res: Response): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!;
}

async function allIds(s: Session, query: string): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (await s.fetch(`/api/v1/cases?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: { id: number }[]; nextCursor: string | null };
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

const officeTime = (iso: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));

beforeAll(async () => {
  inspector = await loginAs('inspector');
  const subject = ((await (await inspector.fetch('/api/v1/subjects?limit=1')).json()) as { items: { id: number }[] }).items[0]!;
  subjectId = subject.id;
  const res = await inspector.fetch('/api/v1/inspections', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subjectId, version: '1.10', inspectedOn: '2026-11-03', method: 'manual_review', notes: '', findings: [{ category: 'collect_excessive', severity: 'medium', description: '超范围收集通讯录', legalBasis: '', evidence: [] }] }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  caseId = ((await res.json()) as { case: { id: number } }).case.id;
});

describe('GET /api/v1/cases?format=xlsx', () => {
  it('has exactly the rows of the filtered list, in its order, with Chinese headers and values by default', async () => {
    const filter = 'sector=parking&state=ordered&state=notified&state=open';
    const ids = await allIds(inspector, filter);
    expect(ids.length).toBeGreaterThan(1);
    const res = await inspector.fetch(`/api/v1/cases?${filter}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const sheet = await readXlsx(res);
    expect(sheet.name).toBe('整改案件');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(['案件编号', '状态', '是否逾期', '整改期限', '立案时间（中国标准时间）']);
    const rows: number[] = [];
    sheet.eachRow((row, n) => { if (n > 1) rows.push(row.getCell(1).value as number); });
    expect(rows).toEqual(ids);
    const states = new Set<unknown>();
    sheet.eachRow((row, n) => { if (n > 1) states.add(row.getCell(2).value); });
    expect([...states].every((s) => ['待处理', '责令整改', '已通报'].includes(String(s)))).toBe(true);
    expect(sheet.getRow(2).getCell(10).value).toBe('停车扫码缴费');
  });

  it('keeps "1.10" as text and shows office time, in English when the reader reads English', async () => {
    const [json] = ((await (await inspector.fetch(`/api/v1/cases?subject=${subjectId}&limit=200`)).json()) as { items: { id: number; openedAt: string }[] }).items.filter((i) => i.id === caseId);
    const res = await inspector.fetch(`/api/v1/cases?subject=${subjectId}&format=xlsx`, { headers: { cookie: `${inspector.cookie()}; NEXT_LOCALE=en` } });
    const sheet = await readXlsx(res);
    expect(sheet.name).toBe('Cases');
    expect(sheet.getRow(1).getCell(5).value).toBe('Opened (China Standard Time)');
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => { if (r.getCell(1).value === caseId) row = r; });
    expect(row).toBeDefined();
    expect(row!.getCell(15).value).toBe('1.10');
    expect(row!.getCell(15).numFmt).toBe('@');
    expect(row!.getCell(2).value).toBe('Open');
    const opened = row!.getCell(5).value as Date;
    expect(opened.toISOString().replace('T', ' ').slice(0, 19)).toBe(officeTime(json!.openedAt));
    expect(row!.getCell(14).value).toBe('Collection beyond scope');
  });

  it('names a bad filter or format, and needs a session', async () => {
    for (const [q, field] of [['format=pdf', 'format'], ['format=xlsx&lang=fr', 'lang'], ['format=xlsx&overdue=maybe', 'overdue']] as const) {
      const res = await inspector.fetch(`/api/v1/cases?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(field);
    }
    expect((await request('/api/v1/cases?format=xlsx')).status).toBe(401);
  });
});

describe('GET /api/v1/cases?format=csv', () => {
  it('carries the same localized headers and office time', async () => {
    const [json] = ((await (await inspector.fetch(`/api/v1/cases?subject=${subjectId}&limit=200`)).json()) as { items: { id: number; openedAt: string }[] }).items.filter((i) => i.id === caseId);
    const zh = (await (await inspector.fetch(`/api/v1/cases?subject=${subjectId}&format=csv`)).text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(zh[0]!.split(',').slice(0, 5)).toEqual(['案件编号', '状态', '是否逾期', '整改期限', '立案时间（中国标准时间）']);
    const line = zh.find((l) => l.startsWith(`${caseId},`))!;
    expect(line).toContain(`,待处理,否,,${officeTime(json!.openedAt)},`);
    const en = (await (await inspector.fetch(`/api/v1/cases?subject=${subjectId}&format=csv&lang=en`)).text()).replace(/^\uFEFF/, '');
    expect(en.split('\r\n')[0]).toMatch(/^Case,State,Overdue,Deadline,Opened \(China Standard Time\),/);
  });
});

describe('GET /api/v1/stats/tables', () => {
  it('puts every dashboard table in one workbook, with the figures of the stats API', async () => {
    const res = await inspector.fetch('/api/v1/stats/tables?format=xlsx&sector=parking');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['行业', '问题类型', '月份', '平台', '应用商店或宿主平台', '责令整改至复测通过天数', '运营主体']);
    const bySector = (await (await inspector.fetch('/api/v1/stats/by-sector?sector=parking')).json()) as { sectors: { labelZh: string; findings: number; cases: number }[] };
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(bySector.sectors.length);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(3).value]).toEqual([bySector.sectors[0]!.labelZh, bySector.sectors[0]!.findings, bySector.sectors[0]!.cases]);
    const trend = (await (await inspector.fetch('/api/v1/stats/trend?sector=parking')).json()) as { months: { month: string; findings: number }[] };
    expect(wb.worksheets[2]!.rowCount - 1).toBe(trend.months.length);
  });

  it('gives one table as CSV in English, and names each bad parameter', async () => {
    const csv = (await (await inspector.fetch('/api/v1/stats/tables?format=csv&table=by-category&lang=en')).text()).replace(/^\uFEFF/, '');
    expect(csv.split('\r\n')[0]).toBe('Violation category,Findings,Share (%)');
    for (const [q, field] of [['', 'format'], ['format=csv', 'table'], ['format=xlsx&table=everything', 'table'], ['format=xlsx&from=2026-13-01', 'from']] as const) {
      const res = await inspector.fetch(`/api/v1/stats/tables?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(field);
    }
    expect((await request('/api/v1/stats/tables?format=xlsx')).status).toBe(401);
  });
});

describe('GET /api/public/notices/{slug}?format=xlsx', () => {
  it('downloads the annex with the CSV\'s columns, versions kept as text', async () => {
    const list = (await (await request('/api/public/notices')).json()) as { notices: { slug: string }[] };
    const slug = list.notices[0]!.slug;
    const notice = (await (await request(`/api/public/notices/${slug}`)).json()) as { entries: { appName: string; version: string }[] };
    const res = await request(`/api/public/notices/${slug}?format=xlsx`);
    expect(res.status).toBe(200);
    const sheet = await readXlsx(res);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '应用名称', '开发者/运营者', '应用来源', '应用版本', '备案号', '所属地区', '所涉问题', '整改时限']);
    expect(sheet.rowCount - 1).toBe(notice.entries.length);
    expect(sheet.getRow(2).getCell(2).value).toBe(notice.entries[0]!.appName);
    expect(sheet.getRow(2).getCell(5).value).toBe(notice.entries[0]!.version);
    const en = await readXlsx(await request(`/api/public/notices/${slug}?format=xlsx&lang=en`));
    expect(en.getRow(1).getCell(2).value).toBe('App name');
  });
});
