/** The shapes of `offender_flags.explanation`, as the rules in lib/offenders/rules/*.ts build them. */
interface OperatorRef { id: number; name: string; uscc: string; region: string }
interface SubjectRef { id: number; name: string; kind?: string; platform?: string; sector?: string }

interface Common {
  threshold: number;
  windowMonths?: number;
  /** Cases that appeared since the last review (present once the flag was reviewed). */
  newSinceReview?: number[];
}

export interface RecurrenceExplanation extends Common {
  rule: 'operator_recurrence';
  operator: OperatorRef;
  from: string;
  to: string;
  caseCount: number;
  subjectCount: number;
  /** The latest 50 (rules/upsert.ts EXPLAINED_CASES); `caseCount` counts them all. */
  cases: { id: number; inspectionId: number; inspectedOn: string; subjectId: number; subjectName: string; state: string; campaignId: number | null }[];
}

export interface RecidivismExplanation extends Common {
  rule: 'subject_recidivism';
  subject: SubjectRef;
  operator: OperatorRef | null;
  category: { code: string; labelZh: string; labelEn: string };
  fixedOn: string;
  foundAgainOn: string;
  earlierCases: { id: number; state: string; closedOn: string }[];
  laterCases: { id: number; inspectedOn: string; severity: string }[];
}

export interface EvasionMatch {
  subjectId: number;
  name: string;
  operatorId: number | null;
  operatorName: string | null;
  removedCaseId: number;
  removedOn: string;
  registeredAfter: boolean;
  via: { type: string; value: string }[];
}

export interface EvasionExplanation extends Common {
  rule: 'evasion';
  similarity: number;
  subject: SubjectRef & { registeredOn: string };
  operator: OperatorRef | null;
  removedOn: string;
  matches: EvasionMatch[];
}

export interface MultiLineExplanation extends Common {
  rule: 'multi_line';
  operator: OperatorRef;
  campaign: { id: number; code: string; nameZh: string; nameEn: string; startsOn: string; endsOn: string };
  from: string;
  to: string;
  /** Distinct products (subjects joined by filing number or name, lib/offenders/rules/multi-line.ts). */
  productCount?: number; // absent on flags last refreshed before migration 0015
  subjectCount: number;
  caseCount: number;
  /** At most 50 of each (the first subjects by id, the latest cases); the counts count them all. */
  subjects: SubjectRef[];
  cases: { id: number; subjectId: number; subjectName: string; inspectedOn: string; state: string }[];
}

export type Explanation = RecurrenceExplanation | RecidivismExplanation | EvasionExplanation | MultiLineExplanation;

export function asExplanation(value: unknown): Explanation {
  return value as Explanation;
}
