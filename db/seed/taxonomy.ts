/**
 * The office's configuration: sectors and violation categories (DESIGN §2), the default
 * repeat-offender thresholds (§4) and settings. Production start-up runs `seedTaxonomies` on every
 * boot, so it only ever adds what is missing and never overwrites an admin's changes.
 */
import { offenderRules, sectors, settings, stores, violationCategories } from '../schema';
import type { Queryable } from '../client';
import { HOST_PLATFORM_LABELS, STORE_LABELS } from '../../lib/taxonomy/stores';

export { HOST_PLATFORM_LABELS, STORE_LABELS };

export interface SectorSeed {
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
}

export interface CategorySeed extends SectorSeed {
  legalBasisZh: string;
  legalBasisEn: string;
}

export const SECTORS: readonly SectorSeed[] = [
  { code: 'restaurant', labelZh: '扫码点餐与餐饮', labelEn: 'QR-code ordering and restaurants', sortOrder: 10 },
  { code: 'parking', labelZh: '停车扫码缴费', labelEn: 'Parking QR payment', sortOrder: 20 },
  { code: 'training', labelZh: '少儿学习培训', labelEn: "Children's learning and training", sortOrder: 30 },
  { code: 'retail', labelZh: '商超购物', labelEn: 'Supermarkets and shopping', sortOrder: 40 },
  { code: 'finance', labelZh: '金融借贷', labelEn: 'Finance and small loans', sortOrder: 50 },
  { code: 'real_estate', labelZh: '房产中介', labelEn: 'Real-estate agents', sortOrder: 60 },
  { code: 'auto_dealer', labelZh: '汽车4S店', labelEn: 'Car 4S dealers', sortOrder: 70 },
  { code: 'power_bank', labelZh: '共享充电宝', labelEn: 'Power-bank rental', sortOrder: 80 },
  { code: 'live_commerce', labelZh: '直播带货', labelEn: 'Live-streaming commerce', sortOrder: 90 },
  { code: 'short_drama', labelZh: '短剧与网络小说', labelEn: 'Short dramas and online novels', sortOrder: 100 },
  { code: 'transport', labelZh: '网约车与出行', labelEn: 'Ride hailing and travel', sortOrder: 110 },
  { code: 'other', labelZh: '其他', labelEn: 'Other', sortOrder: 900 },
];

const PIPL_ZH = '《中华人民共和国个人信息保护法》';
const METHODS_ZH = '《App违法违规收集使用个人信息行为认定方法》';
const METHODS_EN = 'Methods for Identifying the Illegal Collection and Use of Personal Information by Apps';
const MIIT_164_ZH = '《工业和信息化部关于开展纵深推进APP侵害用户权益专项整治行动的通知》（工信部信管函〔2020〕164号）';
const MIIT_164_EN = 'MIIT Notice on Deepening the Special Campaign against Apps Infringing Users’ Rights (MIIT Xinguanhan [2020] No. 164)';
const MIIT_26_ZH = '《工业和信息化部关于进一步提升移动互联网应用服务能力的通知》（工信部信管〔2023〕26号）';
const MIIT_26_EN = 'MIIT Notice on Further Improving the Service Capability of Mobile Internet Applications (MIIT Xinguan [2023] No. 26)';

export const VIOLATION_CATEGORIES: readonly CategorySeed[] = [
  {
    code: 'collect_illegal', labelZh: '违规收集个人信息', labelEn: 'Illegal collection of personal information', sortOrder: 10,
    legalBasisZh: `${PIPL_ZH}第十三条、第十四条；${METHODS_ZH}第三条`,
    legalBasisEn: `PIPL Arts. 13 and 14; ${METHODS_EN}, item 3`,
  },
  {
    code: 'collect_excessive', labelZh: '超范围收集个人信息', labelEn: 'Collection beyond scope', sortOrder: 20,
    legalBasisZh: `${PIPL_ZH}第六条；《常见类型移动互联网应用程序必要个人信息范围规定》；${METHODS_ZH}第四条`,
    legalBasisEn: `PIPL Art. 6; Provisions on the Scope of Necessary Personal Information for Common Types of Mobile Apps; ${METHODS_EN}, item 4`,
  },
  {
    code: 'use_illegal', labelZh: '违规使用个人信息', labelEn: 'Illegal use or sharing of personal information', sortOrder: 30,
    legalBasisZh: `${PIPL_ZH}第二十三条、第二十五条；${METHODS_ZH}第五条`,
    legalBasisEn: `PIPL Arts. 23 and 25; ${METHODS_EN}, item 5`,
  },
  {
    code: 'permission_forced', labelZh: '强制、频繁、过度索取权限', labelEn: 'Forced, frequent or excessive permission requests', sortOrder: 40,
    legalBasisZh: `${PIPL_ZH}第十六条；${MIIT_164_ZH}`,
    legalBasisEn: `PIPL Art. 16; ${MIIT_164_EN}`,
  },
  {
    code: 'rules_undisclosed', labelZh: '未明示个人信息处理规则', labelEn: 'Processing rules not disclosed / no privacy policy', sortOrder: 50,
    legalBasisZh: `${PIPL_ZH}第七条、第十七条；${METHODS_ZH}第一条、第二条`,
    legalBasisEn: `PIPL Arts. 7 and 17; ${METHODS_EN}, items 1 and 2`,
  },
  {
    code: 'popup_harassment', labelZh: '违规推送弹窗信息', labelEn: 'Harassing pop-ups', sortOrder: 60,
    legalBasisZh: `${MIIT_26_ZH}；《互联网弹窗信息推送服务管理规定》第七条`,
    legalBasisEn: `${MIIT_26_EN}; Provisions on the Administration of Internet Pop-up Information Push Services, Art. 7`,
  },
  {
    code: 'autostart', labelZh: '频繁自启动和关联启动', labelEn: 'Frequent self-start and chain-start', sortOrder: 70,
    legalBasisZh: MIIT_164_ZH,
    legalBasisEn: MIIT_164_EN,
  },
  {
    code: 'deceptive', labelZh: '欺骗误导用户', labelEn: 'Deceiving and misleading users', sortOrder: 80,
    legalBasisZh: `《中华人民共和国消费者权益保护法》第二十条；${MIIT_26_ZH}`,
    legalBasisEn: `Consumer Rights Protection Law Art. 20; ${MIIT_26_EN}`,
  },
  {
    code: 'account_deletion', labelZh: '账号注销难', labelEn: 'Account cannot be cancelled', sortOrder: 90,
    legalBasisZh: `${PIPL_ZH}第四十七条；《中华人民共和国网络安全法》第四十三条；${METHODS_ZH}第六条`,
    legalBasisEn: `PIPL Art. 47; Cybersecurity Law Art. 43; ${METHODS_EN}, item 6`,
  },
  {
    code: 'insecure_storage', labelZh: '个人信息未加密存储或传输', labelEn: 'Personal information unencrypted in storage or transit', sortOrder: 100,
    legalBasisZh: `${PIPL_ZH}第五十一条；《中华人民共和国网络安全法》第四十二条`,
    legalBasisEn: 'PIPL Art. 51; Cybersecurity Law Art. 42',
  },
  {
    code: 'key_exposure', labelZh: '源代码泄露密钥或敏感数据', labelEn: 'Keys or sensitive data exposed in source code', sortOrder: 110,
    legalBasisZh: `《中华人民共和国网络安全法》第二十一条；${PIPL_ZH}第五十一条`,
    legalBasisEn: 'Cybersecurity Law Art. 21; PIPL Art. 51',
  },
  {
    code: 'privilege_overreach', labelZh: '越权访问个人信息', labelEn: 'Access beyond authority', sortOrder: 120,
    legalBasisZh: `${PIPL_ZH}第十条；《中华人民共和国网络安全法》第四十一条`,
    legalBasisEn: 'PIPL Art. 10; Cybersecurity Law Art. 41',
  },
  {
    code: 'data_fraud', labelZh: '数据造假（刷单、刷量）', labelEn: 'Faked views, orders or reviews', sortOrder: 130,
    legalBasisZh: '《中华人民共和国电子商务法》第十七条；《中华人民共和国反不正当竞争法》第八条',
    legalBasisEn: 'E-Commerce Law Art. 17; Anti-Unfair Competition Law Art. 8',
  },
  {
    code: 'store_duty', labelZh: '分发平台责任落实不到位', labelEn: 'Distribution platform duties not fulfilled', sortOrder: 140,
    legalBasisZh: `《移动互联网应用程序信息服务管理规定》；${MIIT_26_ZH}`,
    legalBasisEn: `Provisions on the Administration of Mobile Internet Application Information Services; ${MIIT_26_EN}`,
  },
];

export type FlagRule = 'operator_recurrence' | 'subject_recidivism' | 'evasion' | 'multi_line';

export const DEFAULT_OFFENDER_RULES: readonly { rule: FlagRule; threshold: number; windowMonths: number }[] = [
  { rule: 'operator_recurrence', threshold: 3, windowMonths: 24 },
  { rule: 'subject_recidivism', threshold: 1, windowMonths: 24 },
  { rule: 'evasion', threshold: 1, windowMonths: 24 },
  { rule: 'multi_line', threshold: 3, windowMonths: 24 }, // products; bench/multi-line-campaign.ts
];

/** Settings every office starts with; values are JSON text. */
export const DEFAULT_SETTINGS: readonly { key: string; value: string }[] = [
  { key: 'default_deadline_days', value: '7' },
];

/** The stores seeded (app stores, then mini-program hosts; `baidu` is one code for both, as listings name it). */
export const STORES: readonly SectorSeed[] = [
  ...Object.entries(STORE_LABELS).map(([code, l], i) => ({ code, labelZh: l.zh, labelEn: l.en, sortOrder: 10 * (i + 1) })),
  ...Object.entries(HOST_PLATFORM_LABELS).filter(([code]) => !(code in STORE_LABELS)).map(([code, l], i) => ({ code, labelZh: l.zh, labelEn: l.en, sortOrder: 200 + 10 * i })),
];

/** Idempotent: inserts what is missing, never overwrites what an admin changed. */
export async function seedTaxonomies(db: Queryable): Promise<void> {
  await db.insert(sectors).values([...SECTORS]).onConflictDoNothing();
  await db.insert(stores).values([...STORES]).onConflictDoNothing();
  await db.insert(violationCategories).values([...VIOLATION_CATEGORIES]).onConflictDoNothing();
  await db.insert(offenderRules).values([...DEFAULT_OFFENDER_RULES]).onConflictDoNothing();
  await db.insert(settings).values([...DEFAULT_SETTINGS]).onConflictDoNothing();
}
