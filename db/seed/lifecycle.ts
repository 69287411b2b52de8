/**
 * Every case's path up the ladder (DESIGN §3), event by event, consistent with the two notices:
 * only the rectification notice moves ordered cases to notified, only the removal notice removes,
 * and no ordered case is left past its deadline on the day a notice was published without being named.
 */
import {
  DEADLINE_DAYS, NOTICE_DAYS, bumpPatch, type BuildContext, type CasePlan, type CaseState, type EventPlan, type Fate,
  type InspectionPlan, type UserKey,
} from './plan';

const P1 = NOTICE_DAYS.rectification;
const ND1 = NOTICE_DAYS.rectificationDeadline;
const P2 = NOTICE_DAYS.removal;

const METHOD_ZH: Record<string, string> = {
  technical_test: '技术检测', manual_review: '人工核查', undercover: '暗访测试', complaint: '用户投诉核查', platform_report: '平台报送线索核查',
};

const WITHDRAW_REASONS = [
  '经复核为误报：相关权限仅在用户使用扫码功能时申请，且已在隐私政策中明示',
  '检测环境异常（测试设备系统版本不受支持），检测结论不可靠，撤销立案',
  '运营主体已注销，该应用已停止运营并从各应用商店下架',
  '与同一检测批次的另一案件重复立案，予以撤销',
  '经复核，被检版本为内部测试版本，未向公众发布',
];

export interface NoticeLabels { 1: string; 2: string }

class CaseBuilder {
  readonly events: EventPlan[] = [];
  readonly takedowns: { store: string; day: number }[] = [];
  readonly noticeRevision: Partial<Record<1 | 2, number>> = {};
  deadlineDay: number | null = null;
  lastOrderDay = 0;
  version: string;
  private lastAt: Date | null = null;

  constructor(private readonly ctx: BuildContext, private readonly insp: InspectionPlan, private readonly labels: NoticeLabels) {
    this.version = insp.version;
  }

  private get state(): CaseState | null {
    return this.events.length ? this.events[this.events.length - 1]!.to : null;
  }

  private instant(day: number, fixed?: [number, number]): Date {
    const { rng, cal } = this.ctx;
    let at = fixed ? cal.at(day, fixed[0], fixed[1]) : cal.at(day, rng.int(9, 17), rng.int(0, 59));
    if (this.lastAt && at <= this.lastAt) at = new Date(this.lastAt.getTime() + rng.int(10, 120) * 60_000);
    return at;
  }

  private push(day: number, to: CaseState, actor: UserKey | null, reason: string, extra: Partial<EventPlan> = {}, fixed?: [number, number]) {
    const at = this.instant(day, fixed);
    this.lastAt = at;
    this.events.push({ from: this.state, to, actor, reason, at, day, ...extra });
  }

  private worker(): UserKey {
    return this.insp.inspector ?? 'inspector';
  }

  open() {
    const n = this.insp.findingCount;
    const reason = this.insp.source
      ? `自动化检测平台导入：发现${n}项问题，立案登记`
      : `${METHOD_ZH[this.insp.method]}发现${n}项问题，立案登记`;
    this.push(this.insp.day, 'open', this.insp.inspector, reason);
  }

  order(day: number) {
    this.deadlineDay = day + DEADLINE_DAYS;
    this.lastOrderDay = day;
    this.push(day, 'ordered', this.worker(), `责令限期整改，整改期限${DEADLINE_DAYS}日`, { deadline: this.ctx.cal.day(this.deadlineDay) });
  }

  rectify(day: number) {
    this.version = bumpPatch(this.version, this.ctx.rng.int(1, 3));
    this.push(day, 'rectified', 'inspector', `运营者提交整改报告，称已在${this.version}版本完成整改`, { version: this.version });
  }

  retest(day: number, passed: boolean) {
    const v = this.version;
    const actor: UserKey = this.ctx.rng.chance(0.15) ? 'supervisor' : 'inspector';
    if (passed) {
      this.push(day, 'verified', actor, `复测${v}版本，问题已整改到位`, {
        version: v, retest: { version: v, result: 'passed', notes: `复测${v}版本，原发现问题均已整改` },
      });
      return;
    }
    this.deadlineDay = day + DEADLINE_DAYS;
    this.lastOrderDay = day;
    this.push(day, 'ordered', actor, `复测${v}版本未通过，问题仍然存在，重新责令整改`, {
      version: v,
      deadline: this.ctx.cal.day(this.deadlineDay),
      retest: { version: v, result: 'failed', notes: `复测${v}版本，原发现问题未整改到位` },
    });
  }

  notify() {
    this.noticeRevision[1] = this.events.length;
    this.deadlineDay = ND1;
    this.push(P1, 'notified', 'supervisor', `逾期未整改，列入${this.labels[1]}`, { notice: 1, deadline: this.ctx.cal.day(ND1) }, [10, 0]);
  }

  remove() {
    const mini = this.insp.subject.kind === 'mini_program';
    this.noticeRevision[2] = this.events.length;
    this.push(P2, 'removed', 'supervisor', `经通报后仍拒不整改，予以${mini ? '禁止搜索' : '下架'}，列入${this.labels[2]}`, { notice: 2 }, [10, 0]);
    for (const store of this.insp.subject.stores) this.takedowns.push({ store, day: P2 + this.ctx.rng.int(0, 2) });
  }

  reinstate(day: number) {
    this.version = bumpPatch(this.version, this.ctx.rng.int(1, 3));
    const v = this.version;
    const mini = this.insp.subject.kind === 'mini_program';
    this.push(day, 'reinstated', 'supervisor', `复测${v}版本通过，${mini ? '恢复搜索' : '恢复上架'}`, {
      version: v, retest: { version: v, result: 'passed', notes: `复测${v}版本，通报所列问题均已整改` },
    });
  }

  withdraw(day: number) {
    this.push(day, 'withdrawn', this.ctx.rng.chance(0.5) ? 'supervisor' : 'supervisor2', this.ctx.rng.pick(WITHDRAW_REASONS));
  }
}

const STORY_FATES = new Set<Fate>(['notified', 'notified_rectified', 'notified_verified', 'removed', 'reinstated']);

/** Plays `fate` out; false when the dates drawn do not fit (the caller draws again or falls back). */
function play(ctx: BuildContext, fate: Fate, insp: InspectionPlan, b: CaseBuilder): boolean {
  const { rng } = ctx;
  const I = insp.day;
  b.open();
  if (fate === 'open') return true;
  if (fate === 'withdrawn') {
    const mode = rng.weighted({ open: 40, ordered: 40, rectified: 20 });
    if (mode === 'open') {
      const W = I + rng.int(1, 4);
      if (W > -1) return false;
      b.withdraw(W);
      return true;
    }
    const O = I + rng.int(0, 3);
    b.order(O);
    if (mode === 'ordered') {
      const W = O + rng.int(1, 6);
      b.withdraw(W);
      return W <= -1;
    }
    const R = O + rng.int(1, 6);
    const W = R + rng.int(1, 5);
    b.rectify(R);
    b.withdraw(W);
    return W <= -1;
  }

  const story = STORY_FATES.has(fate);
  let O = I + rng.int(0, 3);
  if (story) O = Math.min(O, P1 - 8);
  if (O > -1) return false;
  b.order(O);
  if (fate === 'ordered_due') return O + DEADLINE_DAYS >= 0;
  if (fate === 'ordered_overdue') return O + DEADLINE_DAYS <= -1 && O + DEADLINE_DAYS > P1;

  if (fate === 'ordered_refailed' || rng.chance(0.15)) {
    const R1 = O + rng.int(1, DEADLINE_DAYS);
    const Rt = R1 + rng.int(1, 6);
    b.rectify(R1);
    b.retest(Rt, false);
    if (fate === 'ordered_refailed') return Rt <= -1 && Rt + DEADLINE_DAYS > P1;
  }

  if (story) {
    if (b.deadlineDay! >= P1) return false;
    b.notify();
    switch (fate) {
      case 'notified':
        return true;
      case 'notified_rectified':
        b.rectify(rng.int(P1 + 3, -3));
        return true;
      case 'notified_verified': {
        const R = rng.int(P1 + 2, ND1 - 1);
        b.rectify(R);
        b.retest(R + rng.int(2, 8), true);
        return true;
      }
      case 'removed':
        b.remove();
        return true;
      default:
        b.remove();
        b.reinstate(rng.int(P2 + 4, -2));
        return true;
    }
  }

  const R = b.lastOrderDay + rng.int(1, DEADLINE_DAYS);
  b.rectify(R);
  if (fate === 'rectified') return R <= -1;
  const Rt = R + rng.int(1, 8);
  b.retest(Rt, true);
  return Rt <= -1;
}

function fateByAge(ctx: BuildContext, age: number): Fate {
  const { rng } = ctx;
  if (age <= 2) return rng.weighted<Fate>({ open: 80, ordered_due: 20 });
  if (age <= 6) return rng.weighted<Fate>({ open: 25, ordered_due: 50, rectified: 20, withdrawn: 5 });
  if (age <= 9) return rng.weighted<Fate>({ ordered_due: 50, rectified: 40, verified: 7, withdrawn: 3 });
  // A re-test backlog: many fixes reported in the last weeks wait for their re-test.
  if (age <= 55) return rng.weighted<Fate>({ ordered_overdue: 35, ordered_refailed: 10, rectified: 45, verified: 8, withdrawn: 2 });
  if (age <= 90) return rng.weighted<Fate>({ rectified: 25, verified: 71, withdrawn: 3, ordered_refailed: 1 });
  if (age <= 150) return rng.weighted<Fate>({ rectified: 8, verified: 89, withdrawn: 3 });
  return rng.weighted<Fate>({ verified: 97, withdrawn: 3 });
}

const FALLBACKS: Fate[] = ['verified', 'rectified', 'ordered_due', 'ordered_overdue', 'withdrawn', 'open'];

/** Builds the case of every inspection; the last inspection of a story subject gets the story. */
export function buildCases(ctx: BuildContext, inspections: InspectionPlan[], labels: NoticeLabels): CasePlan[] {
  return inspections.map((insp) => {
    const s = insp.subject;
    const isKey = s.story !== 'normal' && s.story !== 'rereg' && insp === s.inspections[s.inspections.length - 1];
    const wanted: Fate = isKey ? (s.story as Fate) : fateByAge(ctx, -insp.day);
    const order = [wanted, ...FALLBACKS.filter((f) => f !== wanted)];
    for (const fate of order) {
      for (let attempt = 0; attempt < (fate === wanted ? 12 : 6); attempt++) {
        const b = new CaseBuilder(ctx, insp, labels);
        if (play(ctx, fate, insp, b)) {
          const c: CasePlan = { inspection: insp, fate, events: b.events, takedowns: b.takedowns, noticeRevision: b.noticeRevision };
          insp.case = c;
          return c;
        }
      }
      if (isKey) throw new Error(`demo seed: story ${fate} does not fit inspection day ${insp.day}`);
    }
    throw new Error('demo seed: no fate fits');
  });
}
