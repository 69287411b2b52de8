/**
 * The demo is built in memory first (a "plan" with day offsets and plan-local keys), then written in
 * bulk. These are its shapes and the few rules every builder shares.
 */
import type { DemoCalendar } from './dates';
import type { Region } from './names';
import type { Rng } from './random';
import type { DemoUser } from './users';

export type Kind = 'app' | 'mini_program' | 'quick_app' | 'sdk';
export type Platform = 'android' | 'ios' | 'harmony' | 'wechat' | 'alipay' | 'douyin' | 'baidu' | 'kuaishou' | 'qq';
export type IdentifierType = 'package_name' | 'bundle_id' | 'mini_program_appid' | 'filing_number' | 'cert_sha256';
export type Method = 'technical_test' | 'manual_review' | 'undercover' | 'complaint' | 'platform_report';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type CaseState = 'open' | 'ordered' | 'rectified' | 'verified' | 'notified' | 'removed' | 'reinstated' | 'withdrawn';
export type UserKey = DemoUser['key'];

/** Where a subject's story ends: the notice stories are fixed, everything else is drawn by age. */
export type Story = 'normal' | 'notified' | 'notified_rectified' | 'notified_verified' | 'removed' | 'reinstated' | 'rereg';

export type Fate =
  | 'open' | 'ordered_due' | 'ordered_overdue' | 'ordered_refailed' | 'rectified' | 'verified' | 'withdrawn'
  | 'notified' | 'notified_rectified' | 'notified_verified' | 'removed' | 'reinstated';

/** Day offsets from demo today of the two published notices, and the deadline the first one gives. */
export const NOTICE_DAYS = { rectification: -45, rectificationDeadline: -30, removal: -16 } as const;
export const DEADLINE_DAYS = 7;

export interface OperatorPlan {
  key: number;
  name: string;
  brand: { zh: string; py: string };
  sector: string;
  uscc: string;
  region: Region;
  contact: string;
  filingRoot: string;
  nextFiling: number;
  createdDay: number;
  id?: number;
}

export interface NamePlan { name: string; fromDay: number; toDay: number | null }

export interface SubjectPlan {
  key: number;
  kind: Kind;
  platform: Platform;
  sector: string;
  operator: OperatorPlan;
  name: string;
  names: NamePlan[];
  identifiers: { type: IdentifierType; value: string }[];
  stores: string[];
  createdDay: number;
  /** Version line: major, and the minor of the first inspection. */
  major: number;
  minor: number;
  story: Story;
  /** For a re-registration: the removed subject it is likely to be. */
  reregOf?: SubjectPlan;
  inspections: InspectionPlan[];
  id?: number;
}

export interface FindingPlan { category: string; severity: Severity; description: string }

export interface InspectionPlan {
  key: number;
  subject: SubjectPlan;
  day: number;
  version: string;
  method: Method;
  campaign: CampaignPlan | null;
  inspector: UserKey | null;
  source: string | null;
  externalRef: string | null;
  findingCount: number;
  findings: FindingPlan[];
  case?: CasePlan;
  id?: number;
}

export interface RetestPlan { version: string; result: 'passed' | 'failed'; notes: string }

export interface EventPlan {
  from: CaseState | null;
  to: CaseState;
  actor: UserKey | null;
  reason: string;
  at: Date;
  day: number;
  deadline?: string;
  version?: string;
  notice?: 1 | 2;
  retest?: RetestPlan;
  id?: number;
}

export interface CasePlan {
  inspection: InspectionPlan;
  fate: Fate;
  events: EventPlan[];
  takedowns: { store: string; day: number }[];
  /** The revision the case had when each notice named it. */
  noticeRevision: Partial<Record<1 | 2, number>>;
  previous?: CasePlan;
  id?: number;
}

export interface CampaignPlan {
  key: number;
  code: string;
  nameZh: string;
  nameEn: string;
  startDay: number;
  endDay: number;
  sectors: string[];
  id?: number;
}

export interface BuildContext {
  rng: Rng;
  cal: DemoCalendar;
}

export function bumpPatch(version: string, by = 1): string {
  const [a, b, c] = version.split('.').map(Number);
  return `${a}.${b}.${(c ?? 0) + by}`;
}

/** Last event's state, or null before the case is opened. */
export function stateOf(c: CasePlan): CaseState | null {
  return c.events.length ? c.events[c.events.length - 1]!.to : null;
}
