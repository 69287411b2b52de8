import { describe, expect, it } from 'vitest';
import { packCaseRow, unpackCaseRow, type CaseTableRow } from '@/components/cases/case-rows';

/** The case table's rows travel packed (components/cases/case-rows.ts, issue #18): nothing lost on the way. */
describe('packed case rows', () => {
  it('unpack to the row that was packed, field for field', () => {
    const row: CaseTableRow = {
      id: 25000, state: 'ordered', revision: 3, deadline: '2026-12-20', openedAt: '2026-12-06', overdue: false, previousCaseId: 17,
      subjectId: 12288, subjectName: '测试应用', subjectKind: 'app', platform: 'android', sector: 'training', operatorId: null,
      operatorName: null, assigneeName: '李四', categories: ['autostart', 'use_illegal'], repeatOffender: true, operatorRepeatOffender: false,
    };
    const packed = packCaseRow(row);
    expect(Array.isArray(packed)).toBe(true);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(row).length * 0.6);
    expect(unpackCaseRow(JSON.parse(JSON.stringify(packed)))).toEqual(row);
  });
});
