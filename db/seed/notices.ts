/**
 * The two published notices of the demo: a rectification notice naming the cases past their deadline,
 * then a removal notice naming those that still refused. Annex rows snapshot the public columns.
 */
import type { DemoCalendar } from './dates';
import { categoriesOf, problemsOf } from './findings';
import { NOTICE_DAYS, type CasePlan, type SubjectPlan } from './plan';
import { HOST_PLATFORM_LABELS, STORE_LABELS } from './taxonomy';

export interface NoticeNumber { year: number; batchInYear: number; batchOverall: number; slug: string; labelZh: string; labelEn: string }

/** "{year} batch {n}, overall batch {total}": the office has published 40 batches before the demo's. */
export function noticeNumbers(cal: DemoCalendar): { 1: NoticeNumber; 2: NoticeNumber } {
  const y1 = cal.year(NOTICE_DAYS.rectification);
  const y2 = cal.year(NOTICE_DAYS.removal);
  // About one batch every two months: earlier batches of the year predate the demo.
  const b1 = 1 + Math.floor((cal.month(NOTICE_DAYS.rectification) - 1) / 2);
  const b2 = y2 === y1 ? b1 + 1 : 1;
  const make = (year: number, batchInYear: number, batchOverall: number): NoticeNumber => ({
    year, batchInYear, batchOverall, slug: `${year}-${batchInYear}`,
    labelZh: `${year}年第${batchInYear}批（总第${batchOverall}批）通报`,
    labelEn: `${year} batch ${batchInYear}, overall batch ${batchOverall}`,
  });
  return { 1: make(y1, b1, 41), 2: make(y2, b2, 42) };
}

export interface EntryPlan {
  case: CasePlan;
  position: number;
  caseRevision: number;
  appName: string;
  operatorName: string;
  source: string | null;
  version: string;
  filingNumber: string | null;
  region: string;
  problems: string;
  /** The category codes behind `problems`: the English column is said from them. */
  categories: string[];
  deadline: string | null;
}

export interface NoticePlan {
  n: 1 | 2;
  kind: 'rectification' | 'removal';
  number: NoticeNumber;
  titleZh: string;
  titleEn: string;
  introZh: string;
  introEn: string;
  deadline: string | null;
  createdAt: Date;
  approvedAt: Date;
  publishedAt: Date;
  entries: EntryPlan[];
  id?: number;
}

function nameOn(s: SubjectPlan, day: number): string {
  const n = s.names.find((x) => x.fromDay <= day && (x.toDay === null || day < x.toDay));
  return (n ?? s.names[s.names.length - 1]!).name;
}

function sourceOf(s: SubjectPlan): string | null {
  if (s.kind === 'mini_program') return HOST_PLATFORM_LABELS[s.platform]?.zh ?? s.platform;
  const store = s.stores[0];
  return store ? (STORE_LABELS[store]?.zh ?? store) : null;
}

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function buildNotices(cal: DemoCalendar, cases: CasePlan[]): NoticePlan[] {
  const numbers = noticeNumbers(cal);
  const plans: NoticePlan[] = [];
  for (const n of [1, 2] as const) {
    const day = n === 1 ? NOTICE_DAYS.rectification : NOTICE_DAYS.removal;
    const named = cases
      .filter((c) => c.events.some((e) => e.notice === n))
      .sort((a, b) => a.inspection.day - b.inspection.day || a.inspection.key - b.inspection.key);
    const deadline = n === 1 ? cal.day(NOTICE_DAYS.rectificationDeadline) : null;
    const num = numbers[n];
    const entries = named.map((c, i): EntryPlan => {
      const s = c.inspection.subject;
      return {
        case: c,
        position: i + 1,
        caseRevision: c.noticeRevision[n]!,
        appName: nameOn(s, day),
        operatorName: s.operator.name,
        source: sourceOf(s),
        version: c.inspection.version,
        filingNumber: s.identifiers.find((x) => x.type === 'filing_number')?.value ?? null,
        region: s.operator.region.name,
        problems: problemsOf(c.inspection),
        categories: categoriesOf(c.inspection),
        deadline,
      };
    });
    const count = entries.length;
    const rect = n === 1;
    plans.push({
      n,
      kind: rect ? 'rectification' : 'removal',
      number: num,
      titleZh: rect
        ? `关于侵害用户权益行为的App（小程序）通报（${num.year}年第${num.batchInYear}批，总第${num.batchOverall}批）`
        : `关于下架侵害用户权益App（小程序）的通报（${num.year}年第${num.batchInYear}批，总第${num.batchOverall}批）`,
      titleEn: rect
        ? `Notice on apps and mini programs infringing users' rights (${num.labelEn})`
        : `Notice on the removal of apps and mini programs infringing users' rights (${num.labelEn})`,
      introZh: rect
        ? `我局持续开展App及小程序侵害用户权益专项整治，组织检测机构对群众关注的消费场景类App及小程序进行检查，并督促存在问题的运营者整改。截至目前，尚有${count}款App（小程序）未按要求完成整改。上述App（小程序）应于${zhDate(deadline!)}前完成整改落实工作，逾期不整改的，我局将依法依规组织开展相关处置工作。`
        : `${numbers[1].labelZh}所列App（小程序）中，尚有${count}款经复测仍未完成整改。依据《中华人民共和国个人信息保护法》等法律法规，我局组织对上述App予以下架、对上述小程序予以禁止搜索处理。相关应用分发平台和小程序平台应立即落实处置要求。`,
      introEn: rect
        ? `The office continues its special action against apps and mini programs infringing users' rights. Testing of consumer-scenario apps and mini programs found problems that operators were ordered to fix; ${count} have not completed rectification. They must do so by ${deadline}; those that do not will be dealt with according to law.`
        : `Of the apps and mini programs named in ${numbers[1].labelEn}, ${count} still failed re-testing. Under the Personal Information Protection Law and related regulations, the apps are removed from app stores and the mini programs are barred from search. Distribution and mini-program platforms must carry this out immediately.`,
      deadline,
      createdAt: cal.at(day - 6, 15, 20),
      approvedAt: cal.at(day - 1, 16, 45),
      publishedAt: cal.at(day, 10, 0),
      entries,
    });
  }
  return plans;
}
