/**
 * Findings per inspection. Categories never come back on a subject after a verified case, except on
 * the handful of designed recurrences, which open a new case linked to the earlier one (DESIGN §3).
 */
import {
  CATEGORY_WEIGHTS, SECTOR_CATEGORY_BOOST, SEVERE_CATEGORIES, SEVERITY_WEIGHTS, categoryFits, describeFinding,
} from './findings-text';
import type { BuildContext, CasePlan, FindingPlan, InspectionPlan, Severity, SubjectPlan } from './plan';
import { VIOLATION_CATEGORIES } from './taxonomy';

const LABEL_ZH = new Map(VIOLATION_CATEGORIES.map((c) => [c.code, c.labelZh]));

/** The day a case closed as verified or reinstated, or null. */
function closedDay(c: CasePlan): number | null {
  const last = c.events[c.events.length - 1]!;
  return last.to === 'verified' || last.to === 'reinstated' ? last.day : null;
}

function drawFindings(ctx: BuildContext, insp: InspectionPlan, excluded: Set<string>, forced: string | null): FindingPlan[] {
  const { rng } = ctx;
  const sector = insp.subject.sector;
  const weights: Record<string, number> = {};
  for (const [code, w] of Object.entries(CATEGORY_WEIGHTS)) {
    if (!excluded.has(code) && categoryFits(code, insp.subject)) weights[code] = w + (SECTOR_CATEGORY_BOOST[sector]?.[code] ?? 0);
  }
  const categories: string[] = forced ? [forced] : [];
  while (categories.length < insp.findingCount) {
    const left = Object.fromEntries(Object.entries(weights).filter(([k]) => !categories.includes(k)));
    if (Object.keys(left).length === 0) break;
    categories.push(rng.weighted(left));
  }
  return categories.map((category) => {
    const severity = rng.weighted<Severity>(
      SEVERE_CATEGORIES.has(category) ? { low: 4, medium: 34, high: 44, critical: 18 } : SEVERITY_WEIGHTS,
    );
    return { category, severity, description: describeFinding(rng, category, sector) };
  });
}

/** Fills every inspection's findings and links about `recurrences` cases to the verified case they repeat. */
export function buildFindings(ctx: BuildContext, subjects: SubjectPlan[], recurrences: number): void {
  const { rng } = ctx;
  // Which later inspections may repeat an earlier verified case: chosen up front, filled in date order.
  const candidates: InspectionPlan[] = [];
  for (const s of subjects) {
    s.inspections.forEach((insp, i) => {
      const earlier = s.inspections.slice(0, i).some((e) => {
        const d = closedDay(e.case!);
        return d !== null && d < insp.day && e.case!.events[e.case!.events.length - 1]!.to === 'verified';
      });
      if (earlier && insp.case!.fate !== 'withdrawn') candidates.push(insp);
    });
  }
  const recurring = new Set(rng.sample(candidates, recurrences));

  for (const s of subjects) {
    for (const insp of s.inspections) {
      const closedBefore = s.inspections.filter((e) => e !== insp && e.day < insp.day && (closedDay(e.case!) ?? 0) < insp.day && closedDay(e.case!) !== null);
      const excluded = new Set(closedBefore.flatMap((e) => e.findings.map((f) => f.category)));
      let forced: string | null = null;
      if (recurring.has(insp)) {
        const prev = rng.pick(closedBefore.filter((e) => e.case!.events[e.case!.events.length - 1]!.to === 'verified'));
        forced = rng.pick(prev.findings).category;
        insp.case!.previous = prev.case!;
        const open = insp.case!.events[0]!;
        open.reason += `；其中“${LABEL_ZH.get(forced)}”问题在前案整改验证后再次出现，关联前案`;
      }
      // A re-inspection after a verified fix usually finds less.
      if (excluded.size > 0) insp.findingCount = Math.min(insp.findingCount, Number(rng.weighted({ 1: 65, 2: 30, 3: 5 })));
      insp.findings = drawFindings(ctx, insp, excluded, forced);
      if (insp.findings.length !== insp.findingCount) {
        const open = insp.case!.events[0]!;
        open.reason = open.reason.replace(`发现${insp.findingCount}项`, `发现${insp.findings.length}项`);
        insp.findingCount = insp.findings.length;
      }
    }
  }
}

/** The Chinese labels of a case's categories, in taxonomy order, joined as notices print them. */
/** The inspection's violation categories in the taxonomy's order: what the annex's problems cell lists. */
export function categoriesOf(insp: InspectionPlan): string[] {
  const codes = new Set(insp.findings.map((f) => f.category));
  return VIOLATION_CATEGORIES.filter((c) => codes.has(c.code)).map((c) => c.code);
}

export function problemsOf(insp: InspectionPlan): string {
  const codes = new Set(categoriesOf(insp));
  return VIOLATION_CATEGORIES.filter((c) => codes.has(c.code)).map((c) => c.labelZh).join('、');
}
