/**
 * How well `multi_line` finds operators with several product lines in one campaign (issue #15), on a
 * generated campaign of about 1,300 cases shaped like the one that raised ~200 flags:
 *
 *   - single:        operators with one app (some inspected twice);
 *   - same product:  one product on two or three subjects — Android and iOS (one App filing number, or
 *                    an iOS name with a subtitle and no filing number), its HD edition, its mini program
 *                    (own filing number; the same name, "…小程序", or another name);
 *   - two products:  two distinct products, each on one or two subjects;
 *   - multi-line:    three to six distinct products, each on one or two subjects (the real offenders).
 *
 * It runs the rule as the product runs it (recomputeOffenderFlags on a migrated PGlite) at product
 * thresholds 2 and 3, and the old shape (distinct subjects ≥ 2, and ≥ 3) as SQL over the same cases, and
 * prints precision and recall against the generator's plan, for "≥ 3 products" and for "≥ 2 products".
 *
 *   npx tsx bench/multi-line-campaign.ts [--seed N]
 *
 * Writes bench/results/multi-line-campaign.json.
 */
import { eq, sql } from 'drizzle-orm';
import { migrateDatabase, openPglite, queryRows, type DatabaseHandle } from '../db/client';
import { campaigns, findings, inspections, offenderRules, operators, subjectIdentifiers, subjects } from '../db/schema';
import { seedTaxonomies } from '../db/seed';
import { Rng } from '../db/seed/random';
import { identifierMatchValue } from '../lib/domain/identifiers';
import { openCaseForInspection } from '../lib/cases/open';
import { recomputeOffenderFlags } from '../lib/offenders/refresh';
import { machineInfo, writeBenchJson } from './lib/output';

type Kind = 'single' | 'same_product' | 'two_products' | 'multi_line';
const PLAN: Record<Kind, number> = { single: 370, same_product: 210, two_products: 60, multi_line: 35 };

const BRANDS = '悦读 乐享 易行 优选 快乐 智慧 安心 星辰 蓝海 青禾 云帆 金桥 好运 天天 美家 小鹿 橙子 向阳 远山 清风 鲸鱼 熊猫 麦田 小象 极光 海豚 火花 飞鸟 松果 米粒'.split(' ');
const NOUNS = '小说 外卖 打车 地图 相机 课堂 商城 健康 音乐 天气 理财 招聘 租房 停车 记账 直播 视频 翻译 壁纸 日历 健身 点评 快递 团购 医生'.split(' ');
const SUBTITLES = ['-海量正版免费读', '-专业版', '·新版', '—官方正版', '-极简体验'];
const OTHER_MINI = ['会员中心', '服务号', '助手', '福利社'];

interface SubjectPlan { kind: 'app' | 'mini_program'; platform: 'android' | 'ios' | 'wechat'; name: string; filing?: string; cases: number }
interface OperatorPlan { kind: Kind; products: number; subjects: SubjectPlan[] }

function plan(rng: Rng): OperatorPlan[] {
  const ops: OperatorPlan[] = [];
  let filer = 10_000_000;
  for (const [kind, count] of Object.entries(PLAN) as [Kind, number][]) {
    for (let i = 0; i < count; i++) {
      const root = `${rng.pick(['京', '沪', '粤', '浙', '苏'])}ICP备${filer++}号`;
      let suffix = 1;
      const brand = rng.pick(BRANDS);
      const nouns = rng.sample(NOUNS, 6);
      const products = kind === 'single' ? 1 : kind === 'same_product' ? 1 : kind === 'two_products' ? 2 : rng.int(3, 6);
      const subjectsOf: SubjectPlan[] = [];
      for (let p = 0; p < products; p++) {
        const name = `${brand}${nouns[p]}`;
        const appFiling = rng.chance(0.8) ? `${root}-${suffix++}A` : undefined;
        const cases = () => (rng.chance(0.1) ? 2 : 1);
        subjectsOf.push({ kind: 'app', platform: 'android', name, filing: appFiling, cases: cases() });
        // Further subjects of the same product: always for "same product", sometimes for the others.
        const extra = kind === 'same_product' ? (rng.chance(0.15) ? 2 : 1) : kind === 'single' ? 0 : rng.chance(0.4) ? 1 : 0;
        const shapes = rng.shuffle(['ios', 'mini', 'hd'] as const).slice(0, extra);
        for (const shape of shapes) {
          if (shape === 'ios') {
            const renamed = rng.chance(0.25);
            subjectsOf.push({ kind: 'app', platform: 'ios', name: renamed ? name + rng.pick(SUBTITLES) : name, filing: renamed ? undefined : appFiling, cases: cases() });
          } else if (shape === 'hd') {
            subjectsOf.push({ kind: 'app', platform: 'android', name: `${name}${rng.pick(['HD', ' Lite', '极速版'])}`, filing: rng.chance(0.5) ? `${root}-${suffix++}A` : undefined, cases: cases() });
          } else {
            const r = rng.next();
            const miniName = r < 0.6 ? name : r < 0.85 ? `${name}小程序` : `${name}${rng.pick(OTHER_MINI)}`;
            subjectsOf.push({ kind: 'mini_program', platform: 'wechat', name: miniName, filing: rng.chance(0.8) ? `${root}-${suffix++}X` : undefined, cases: cases() });
          }
        }
      }
      ops.push({ kind, products, subjects: subjectsOf });
    }
  }
  return ops;
}

async function load(handle: DatabaseHandle, ops: OperatorPlan[]): Promise<{ campaignId: number; planned: Map<number, OperatorPlan>; cases: number }> {
  const db = handle.db;
  await seedTaxonomies(db);
  const [cp] = await db.insert(campaigns).values({ code: 'bench-2026', nameZh: '基准专项', nameEn: 'Bench campaign', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
  const planned = new Map<number, OperatorPlan>();
  let cases = 0;
  await db.transaction(async (tx) => {
    let n = 0;
    for (const op of ops) {
      n++;
      const [o] = await tx.insert(operators).values({ name: `基准运营者${n}有限公司`, uscc: `91${String(n).padStart(16, '0')}`, regionCode: '330100' }).returning({ id: operators.id });
      planned.set(o!.id, op);
      for (const s of op.subjects) {
        const [row] = await tx.insert(subjects).values({ kind: s.kind, platform: s.platform, name: s.name, sector: 'parking', operatorId: o!.id }).returning({ id: subjects.id });
        if (s.filing) await tx.insert(subjectIdentifiers).values({ subjectId: row!.id, type: 'filing_number', value: s.filing, matchValue: identifierMatchValue('filing_number', s.filing) });
        for (let c = 0; c < s.cases; c++) {
          const [insp] = await tx.insert(inspections).values({ subjectId: row!.id, version: `1.${c}`, inspectedOn: `2026-0${3 + c}-01`, method: 'technical_test', campaignId: cp!.id }).returning({ id: inspections.id });
          await tx.insert(findings).values({ inspectionId: insp!.id, category: 'collect_excessive', severity: 'high', description: '超范围收集' });
          await openCaseForInspection(tx, null, insp!.id, { refreshFlags: false });
          cases++;
        }
      }
    }
  });
  return { campaignId: cp!.id, planned, cases };
}

interface Score { rule: string; flags: number; precision: number; recall: number; truePositives: number }

function score(rule: string, flagged: Set<number>, truth: (op: OperatorPlan) => boolean, planned: Map<number, OperatorPlan>): Score {
  const positives = [...planned].filter(([, op]) => truth(op)).map(([id]) => id);
  const tp = positives.filter((id) => flagged.has(id)).length;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { rule, flags: flagged.size, truePositives: tp, precision: round(flagged.size ? tp / flagged.size : 1), recall: round(positives.length ? tp / positives.length : 1) };
}

async function main() {
  const seedArg = process.argv.indexOf('--seed');
  const seed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 20260315;
  const ops = plan(new Rng(seed));
  const handle = await openPglite();
  try {
    await migrateDatabase(handle);
    const t0 = performance.now();
    const { campaignId, planned, cases } = await load(handle, ops);
    const loadMs = performance.now() - t0;

    const bySubjects = async (threshold: number) => new Set((await queryRows<{ id: number }>(handle.db, sql`
      SELECT s.operator_id AS id FROM cases c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = c.subject_id
      WHERE i.campaign_id = ${campaignId} AND c.state <> 'withdrawn' GROUP BY s.operator_id HAVING count(DISTINCT s.id) >= ${threshold}`)).map((r) => Number(r.id)));
    const byProducts = async (threshold: number) => {
      await handle.db.update(offenderRules).set({ threshold }).where(eq(offenderRules.rule, 'multi_line'));
      const t = performance.now();
      await handle.db.transaction((tx) => recomputeOffenderFlags(tx));
      const ms = Math.round(performance.now() - t);
      const rows = await queryRows<{ id: number }>(handle.db, sql`SELECT operator_id AS id FROM offender_flags WHERE rule = 'multi_line' AND resolved_at IS NULL AND campaign_id = ${campaignId}`);
      return { flagged: new Set(rows.map((r) => Number(r.id))), ms };
    };

    const rules: [string, Set<number>][] = [
      ['old: subjects ≥ 2 (DESIGN §4.4 as written, threshold 2)', await bySubjects(2)],
      ['subjects ≥ 3', await bySubjects(3)],
    ];
    const p2 = await byProducts(2);
    const p3 = await byProducts(3);
    rules.push(['products ≥ 2', p2.flagged], ['new default: products ≥ 3', p3.flagged]);

    const truths: [string, (op: OperatorPlan) => boolean][] = [
      ['multi-line offender = ≥ 3 distinct products', (op) => op.products >= 3],
      ['multi-line offender = ≥ 2 distinct products', (op) => op.products >= 2],
    ];
    const operatorsByKind = Object.fromEntries(Object.keys(PLAN).map((k) => [k, ops.filter((o) => o.kind === k).length]));
    const result = {
      machine: machineInfo(),
      seed,
      campaign: { cases, operators: ops.length, subjects: ops.reduce((n, o) => n + o.subjects.length, 0), operatorsByKind },
      loadMs: Math.round(loadMs),
      recomputeMs: { products2: p2.ms, products3: p3.ms },
      scores: truths.map(([truth, fn]) => ({ truth, positives: ops.filter(fn).length, rules: rules.map(([rule, set]) => score(rule, set, fn, planned)) })),
    };
    console.log(`campaign: ${cases} cases, ${result.campaign.subjects} subjects, ${ops.length} operators ${JSON.stringify(operatorsByKind)}`);
    for (const t of result.scores) {
      console.log(`\ntruth: ${t.truth} (${t.positives} operators)`);
      console.log('rule'.padEnd(58) + 'flags'.padStart(6) + 'TP'.padStart(6) + 'precision'.padStart(11) + 'recall'.padStart(8));
      for (const r of t.rules) console.log(r.rule.padEnd(58) + String(r.flags).padStart(6) + String(r.truePositives).padStart(6) + r.precision.toFixed(3).padStart(11) + r.recall.toFixed(3).padStart(8));
    }
    console.log(`\nwritten: ${writeBenchJson('results/multi-line-campaign.json', result)}`);
  } finally {
    await handle.close();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
