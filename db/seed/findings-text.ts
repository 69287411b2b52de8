/**
 * Finding descriptions that read like an inspector's notes. `{perm}`, `{info}`, `{sdk}` and `{n}` are
 * filled in by the generator; sector-specific lines are preferred when the subject's sector has them.
 */
import type { Rng } from './random';

export const PERMISSIONS = ['位置信息', '通讯录', '相机', '麦克风', '相册', '日历', '通话记录', '蓝牙', '剪切板'];
/** Information apps read in the background or pass on: device and behaviour data, as test reports name it. */
export const PERSONAL_INFO = [
  '设备识别码（IMEI、Android ID）', '已安装应用列表', 'MAC地址', '精确位置信息', '通讯录', '剪切板内容', '传感器信息',
  'IMSI及SIM卡序列号',
];
const SDKS = ['某推送SDK', '某广告SDK', '某统计分析SDK', '某一键登录SDK', '某地图定位SDK'];

const GENERIC: Readonly<Record<string, readonly string[]>> = {
  collect_illegal: [
    '用户同意隐私政策前，App即读取{info}',
    '用户拒绝隐私政策后，App仍在后台读取{info}',
    '内嵌{sdk}在用户同意前收集{info}，且未在隐私政策中说明',
    'App在后台静默状态下以每{n}分钟一次的频率读取{info}',
    '用户关闭个性化推荐后，App仍持续收集{info}用于用户画像',
  ],
  collect_excessive: [
    '收集与所提供服务无关的{info}',
    '浏览商品功能无需登录即可实现，但App要求提供手机号码并收集{info}',
    '注册时要求填写身份证号码等与业务功能无关的个人信息',
    '隐私政策所列收集范围超出业务功能所必需，包括{info}',
    '核心业务功能不需要{perm}权限，但App在首次使用时一并申请',
  ],
  use_illegal: [
    '未经用户单独同意，将{info}提供给第三方',
    '未向用户告知即通过{sdk}向第三方传输{info}',
    '利用用户个人信息进行定向推送，未提供不针对个人特征的选项',
    '将用户订单信息共享给关联公司用于营销，未取得用户同意',
  ],
  permission_forced: [
    '用户拒绝授予{perm}权限后，App退出或无法使用基本功能',
    '用户明确拒绝{perm}权限后，App每次启动仍反复弹窗申请，共计{n}次',
    '首次启动即一次性申请{perm}、{perm2}等多项权限，未说明用途',
    '在用户未使用相关功能时提前申请{perm}权限',
  ],
  rules_undisclosed: [
    '未提供隐私政策，或隐私政策无法正常访问',
    '隐私政策未逐一列明所收集个人信息的目的、方式和范围',
    '隐私政策未说明嵌入的第三方SDK名称及其收集的个人信息',
    '首次运行时未以弹窗等显著方式提示用户阅读隐私政策',
    '申请{perm}权限时未同步告知用户权限使用目的',
  ],
  popup_harassment: [
    '开屏弹窗广告无关闭按钮，倒计时结束前无法跳过',
    '弹窗广告“摇一摇”触发灵敏度过高，轻微晃动即跳转第三方页面',
    '每日推送营销弹窗{n}次以上，且无法在设置中关闭',
    '弹窗广告关闭按钮过小、位置隐蔽，误触即跳转下载页面',
  ],
  autostart: [
    '未向用户说明，App在后台每{n}分钟自启动一次',
    'App被关闭后通过{sdk}关联唤醒，频繁自启动',
    '安装后未打开即自启动并读取{info}',
  ],
  deceptive: [
    '以“领取红包”为诱导，欺骗用户授权{perm}权限',
    '以“免费试用”名义诱导开通自动续费，未显著提示续费规则',
    '默认勾选同意隐私政策及营销短信授权',
    '以“仅需一步”为由诱导用户同意将个人信息用于个性化广告推送',
  ],
  account_deletion: [
    '未提供账号注销功能，或注销入口难以找到',
    '注销账号需提交手持身份证照片等额外个人信息',
    '注销申请提交后超过{n}个工作日仍未完成处理',
    '为账号注销设置不合理条件，须先解绑全部关联服务并人工审核',
  ],
  insecure_storage: [
    '用户密码及手机号码在本地以明文形式存储',
    '登录接口通过HTTP明文传输手机号码和验证码',
    '本地日志文件中以明文记录用户手机号码及收货地址',
  ],
  key_exposure: [
    '安装包中硬编码云存储访问密钥（AccessKey），可访问用户上传文件',
    '源代码中硬编码数据库连接口令及接口签名密钥',
    '调试接口未关闭，可获取其他用户的{info}',
  ],
  privilege_overreach: [
    '接口未校验用户身份，修改订单编号即可查看他人的手机号码和地址',
    '后台接口越权返回其他用户的{info}',
    '获得{perm}权限后超出声明用途持续访问',
  ],
  data_fraud: [
    '直播间观看人数和点赞数显示数据与实际严重不符，存在刷量行为',
    '商品销量及好评由平台组织虚假交易生成',
    '组织“刷单返现”活动，诱导用户虚构交易和评价',
  ],
  store_duty: [
    '平台未对上架App的隐私政策进行审核，多款App无隐私政策仍在架',
    '平台未落实开发者真实身份信息登记，上架App无法追溯开发主体',
    '平台未按要求展示App的权限申请及个人信息收集说明',
  ],
};

const SECTOR_SPECIFIC: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  restaurant: {
    collect_excessive: ['扫码点餐强制要求用户授权手机号码，否则无法下单', '扫码点餐须先关注公众号并注册会员，收集生日、性别等信息'],
    permission_forced: ['扫码点餐时强制获取位置信息，拒绝后无法查看菜单'],
    use_illegal: ['点餐后将用户手机号码提供给第三方营销平台用于推送广告'],
  },
  parking: {
    collect_excessive: ['停车扫码缴费强制要求填写手机号码并授权获取微信昵称、头像', '缴纳停车费须注册账号并提供身份证号码'],
    permission_forced: ['停车缴费时强制申请通讯录权限，拒绝后无法支付'],
    collect_illegal: ['未经同意通过车牌号关联查询并保存用户的历史停车轨迹'],
  },
  training: {
    collect_excessive: ['试听课程预约强制收集儿童姓名、年龄、就读学校及家长身份证号码', '未单独取得监护人同意即收集不满十四周岁儿童的个人信息'],
    rules_undisclosed: ['未制定专门的儿童个人信息保护规则'],
  },
  retail: {
    collect_excessive: ['领取会员优惠券须授权位置信息及通讯录'],
    use_illegal: ['将会员消费记录提供给关联公司进行精准营销，未取得用户同意'],
  },
  finance: {
    collect_excessive: ['借款申请收集通讯录、通话记录并上传至服务器', '贷前审核收集与借款无关的社交账号信息'],
    use_illegal: ['逾期后向用户通讯录联系人发送催收信息'],
    deceptive: ['借款页面以“日息低至0.02%”误导用户，未显著展示年化利率'],
  },
  real_estate: {
    collect_excessive: ['看房预约强制要求提供身份证号码及工作单位'],
    use_illegal: ['将客户手机号码共享给合作经纪人，导致用户频繁接到推销电话'],
  },
  auto_dealer: {
    collect_excessive: ['预约试驾强制收集驾驶证照片及家庭住址', '车主服务读取车辆实时位置轨迹，超出服务所需'],
  },
  power_bank: {
    collect_excessive: ['租借充电宝强制要求授权手机号码并开通免押金信用服务', '租借时收集用户精确位置并持续追踪'],
    deceptive: ['默认勾选“自动扣款”，归还超时后按售价扣款未显著提示'],
  },
  live_commerce: {
    data_fraud: ['直播间在线人数显示数据存在刷量，与实际观看人数严重不符'],
    deceptive: ['直播间以“限时秒杀”虚构原价误导用户下单'],
  },
  short_drama: {
    deceptive: ['短剧付费解锁页面未显著提示自动续费，诱导用户开通连续包月', '以“免费观看”为名诱导充值，实际每集单独收费'],
    popup_harassment: ['观看短剧过程中频繁弹出充值弹窗，无法关闭'],
  },
  transport: {
    collect_illegal: ['行程结束后仍持续获取用户精确位置信息'],
    use_illegal: ['将乘客行程信息提供给第三方保险机构，未取得单独同意'],
  },
};

/** A finding description for `category` on a subject in `sector`. */
export function describeFinding(rng: Rng, category: string, sector: string): string {
  const specific = SECTOR_SPECIFIC[sector]?.[category];
  const lines = specific && rng.chance(0.6) ? specific : GENERIC[category] ?? ['检测发现个人信息保护问题'];
  const [perm, perm2] = rng.sample(PERMISSIONS, 2);
  return rng.pick(lines)
    .replace('{perm}', perm!)
    .replace('{perm2}', perm2!)
    .replace('{info}', rng.pick(PERSONAL_INFO))
    .replace('{sdk}', rng.pick(SDKS))
    .replace('{n}', String(rng.pick([3, 5, 10, 15, 20, 30])));
}

/** How often each category is found (the common three dominate, as in published notices). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  collect_excessive: 34, permission_forced: 28, rules_undisclosed: 24, collect_illegal: 10,
  use_illegal: 7, popup_harassment: 6, deceptive: 4, account_deletion: 4, autostart: 3,
  insecure_storage: 2, key_exposure: 1, privilege_overreach: 1, data_fraud: 1, store_duty: 1,
};

/** Categories much more likely in some sectors. */
export const SECTOR_CATEGORY_BOOST: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  live_commerce: { data_fraud: 10, deceptive: 6 },
  short_drama: { deceptive: 10, popup_harassment: 8 },
  finance: { use_illegal: 8, collect_excessive: 6 },
  other: { autostart: 6, popup_harassment: 5, store_duty: 25 },
};

/** Categories that only make sense for some subjects (a distribution platform, a shop with sales figures). */
export function categoryFits(category: string, subject: { kind: string; sector: string; name: string }): boolean {
  if (category === 'store_duty') return subject.kind === 'app' && /应用市场|游戏中心/.test(subject.name);
  if (category === 'data_fraud') return ['live_commerce', 'retail', 'short_drama', 'restaurant'].includes(subject.sector);
  if (subject.kind === 'sdk') return !['popup_harassment', 'account_deletion', 'data_fraud', 'deceptive', 'store_duty'].includes(category);
  return true;
}

export const SEVERITY_WEIGHTS = { low: 14, medium: 46, high: 31, critical: 9 } as const;
export const SEVERE_CATEGORIES = new Set(['key_exposure', 'privilege_overreach', 'data_fraud', 'use_illegal', 'insecure_storage']);
