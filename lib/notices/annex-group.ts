/**
 * The annex shows one row per subject, with all its stores and versions: cases of the same subject
 * in one notice share a row. Pure (no database), so the composer's preview uses the same code.
 */
export interface AnnexCaseRow {
  caseId: number;
  subjectId: number;
  appName: string;
  operatorName: string | null;
  source: string | null;
  version: string;
  filingNumber: string | null;
  region: string | null;
  categories: string[];
}

export interface AnnexSubjectRow<R extends AnnexCaseRow = AnnexCaseRow> {
  no: number;
  subjectId: number;
  caseIds: number[];
  appName: string;
  operatorName: string | null;
  source: string | null;
  versions: string[];
  filingNumber: string | null;
  region: string | null;
  categories: string[];
  cases: R[];
}

/** Groups case rows by subject, keeping the order in which each subject first appears. */
export function groupBySubject<R extends AnnexCaseRow>(rows: readonly R[]): AnnexSubjectRow<R>[] {
  const groups = new Map<number, AnnexSubjectRow<R>>();
  for (const row of rows) {
    let g = groups.get(row.subjectId);
    if (!g) {
      g = {
        no: groups.size + 1, subjectId: row.subjectId, caseIds: [], appName: row.appName, operatorName: row.operatorName,
        source: row.source, versions: [], filingNumber: row.filingNumber, region: row.region, categories: [], cases: [],
      };
      groups.set(row.subjectId, g);
    }
    g.caseIds.push(row.caseId);
    g.cases.push(row);
    if (!g.versions.includes(row.version)) g.versions.push(row.version);
    for (const c of row.categories) if (!g.categories.includes(c)) g.categories.push(c);
  }
  return [...groups.values()];
}
