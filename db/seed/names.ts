/**
 * Vocabulary for the demo's fictional operators and apps. Every brand is invented; none names a real
 * company or product.
 */

export interface Region {
  name: string;
  /** Administrative division code (positions 3–8 of a USCC). */
  division: string;
  city: string;
  /** The province's abbreviation in ICP filing numbers. */
  filing: string;
  /** Telephone area code. */
  area: string;
}

export const REGIONS: readonly Region[] = [
  { name: '北京市朝阳区', division: '110105', city: '北京', filing: '京', area: '010' },
  { name: '北京市海淀区', division: '110108', city: '北京', filing: '京', area: '010' },
  { name: '上海市浦东新区', division: '310115', city: '上海', filing: '沪', area: '021' },
  { name: '上海市徐汇区', division: '310104', city: '上海', filing: '沪', area: '021' },
  { name: '广东省深圳市南山区', division: '440305', city: '深圳', filing: '粤', area: '0755' },
  { name: '广东省广州市天河区', division: '440106', city: '广州', filing: '粤', area: '020' },
  { name: '浙江省杭州市西湖区', division: '330106', city: '杭州', filing: '浙', area: '0571' },
  { name: '浙江省杭州市滨江区', division: '330108', city: '杭州', filing: '浙', area: '0571' },
  { name: '江苏省南京市建邺区', division: '320105', city: '南京', filing: '苏', area: '025' },
  { name: '四川省成都市武侯区', division: '510107', city: '成都', filing: '蜀', area: '028' },
  { name: '湖北省武汉市洪山区', division: '420111', city: '武汉', filing: '鄂', area: '027' },
  { name: '福建省厦门市思明区', division: '350203', city: '厦门', filing: '闽', area: '0592' },
  { name: '山东省济南市历下区', division: '370102', city: '济南', filing: '鲁', area: '0531' },
  { name: '湖南省长沙市岳麓区', division: '430104', city: '长沙', filing: '湘', area: '0731' },
  { name: '重庆市渝北区', division: '500112', city: '重庆', filing: '渝', area: '023' },
  { name: '陕西省西安市雁塔区', division: '610113', city: '西安', filing: '陕', area: '029' },
];

/** Invented brands: Chinese name and the pinyin used in package names and e-mail domains. */
export const BRANDS: readonly { zh: string; py: string }[] = [
  { zh: '云帆', py: 'yunfan' }, { zh: '泊易', py: 'boyi' }, { zh: '童学星', py: 'tongxuexing' },
  { zh: '乐途', py: 'letu' }, { zh: '橙意', py: 'chengyi' }, { zh: '知行', py: 'zhixing' },
  { zh: '麦穗', py: 'maisui' }, { zh: '星桥', py: 'xingqiao' }, { zh: '青禾', py: 'qinghe' },
  { zh: '拾光', py: 'shiguang' }, { zh: '鹿鸣', py: 'luming' }, { zh: '禾风', py: 'hefeng' },
  { zh: '暖阳', py: 'nuanyang' }, { zh: '趣点', py: 'qudian' }, { zh: '栖木', py: 'qimu' },
  { zh: '萤火', py: 'yinghuo' }, { zh: '晴川', py: 'qingchuan' }, { zh: '若水', py: 'ruoshui' },
  { zh: '柚子', py: 'youzi' }, { zh: '芒种', py: 'mangzhong' }, { zh: '南枝', py: 'nanzhi' },
  { zh: '北辰', py: 'beichen' }, { zh: '一苇', py: 'yiwei' }, { zh: '听澜', py: 'tinglan' },
  { zh: '知鱼', py: 'zhiyu' }, { zh: '溪谷', py: 'xigu' }, { zh: '竹隐', py: 'zhuyin' },
  { zh: '梧桐雨', py: 'wutongyu' }, { zh: '白露', py: 'bailu' }, { zh: '木棉', py: 'mumian' },
  { zh: '橘井', py: 'jujing' }, { zh: '望舒', py: 'wangshu' }, { zh: '星野', py: 'xingye' },
  { zh: '青橙', py: 'qingcheng' }, { zh: '穗禾', py: 'suihe' }, { zh: '澄江', py: 'chengjiang' },
  { zh: '岚山', py: 'lanshan' }, { zh: '鹿角', py: 'lujiao' }, { zh: '风铃', py: 'fengling' },
  { zh: '棠梨', py: 'tangli' }, { zh: '槐序', py: 'huaixu' }, { zh: '墨点', py: 'modian' },
  { zh: '云雀', py: 'yunque' }, { zh: '海棠湾', py: 'haitangwan' }, { zh: '知更鸟', py: 'zhigengniao' },
  { zh: '甜橙', py: 'tiancheng' }, { zh: '小鹿', py: 'xiaolu' }, { zh: '沐禾', py: 'muhe' },
  { zh: '远岫', py: 'yuanxiu' }, { zh: '蓬山', py: 'pengshan' }, { zh: '青鸟湾', py: 'qingniaowan' },
  { zh: '橡果', py: 'xiangguo' }, { zh: '燕归', py: 'yangui' }, { zh: '闻溪', py: 'wenxi' },
];

/** Operator name endings by the sector the operator mainly works in. */
export const OPERATOR_SUFFIX: Readonly<Record<string, readonly string[]>> = {
  restaurant: ['餐饮管理有限公司', '信息技术有限公司', '网络科技有限公司'],
  parking: ['智慧停车管理有限公司', '智能科技有限公司'],
  training: ['教育科技有限公司', '文化传播有限公司'],
  retail: ['商贸有限公司', '电子商务有限公司'],
  finance: ['小额贷款有限公司', '金融信息服务有限公司', '数字科技有限公司'],
  real_estate: ['房地产经纪有限公司', '网络科技有限公司'],
  auto_dealer: ['汽车销售服务有限公司', '汽车服务有限公司'],
  power_bank: ['共享科技有限公司', '智能设备有限公司'],
  live_commerce: ['文化传媒有限公司', '电子商务有限公司'],
  short_drama: ['文化传媒有限公司', '影视文化有限公司', '网络科技有限公司'],
  transport: ['出行科技有限公司', '网络科技有限公司'],
  other: ['信息技术有限公司', '软件有限公司', '网络科技有限公司', '数字科技股份有限公司'],
};

/** Product words per sector: Chinese, and the slug used in package names. */
export const PRODUCT_WORDS: Readonly<Record<string, readonly [string, string][]>> = {
  restaurant: [['点餐', 'order'], ['扫码点单', 'scanorder'], ['智慧餐厅', 'dine'], ['外卖', 'delivery'], ['会员点餐', 'member'], ['小食堂', 'canteen']],
  parking: [['停车', 'parking'], ['智慧停车', 'smartpark'], ['停车缴费', 'parkpay'], ['泊车', 'valet'], ['车位', 'spot']],
  training: [['课堂', 'classroom'], ['学堂', 'school'], ['少儿英语', 'kidsenglish'], ['编程营', 'coding'], ['练字', 'calligraphy'], ['数学思维', 'math'], ['美术课', 'art']],
  retail: [['优选', 'select'], ['生鲜', 'fresh'], ['超市', 'mart'], ['到家', 'home'], ['商城', 'mall'], ['会员购', 'vip']],
  finance: [['钱包', 'wallet'], ['分期', 'installment'], ['速借', 'quickloan'], ['信用', 'credit'], ['借款', 'loan']],
  real_estate: [['找房', 'findhouse'], ['租房', 'rent'], ['房产', 'estate'], ['好房', 'goodhouse'], ['安家', 'settle']],
  auto_dealer: [['汽车', 'auto'], ['车服务', 'carservice'], ['养车', 'carcare'], ['4S服务', 'fours'], ['车主', 'owner']],
  power_bank: [['充电', 'charge'], ['共享充电', 'sharecharge'], ['闪充', 'flash'], ['电宝', 'powerbank']],
  live_commerce: [['直播', 'live'], ['优品直播', 'livegoods'], ['直播购', 'liveshop'], ['好物', 'goods'], ['严选直播', 'liveselect']],
  short_drama: [['短剧', 'drama'], ['剧场', 'theatre'], ['免费小说', 'novel'], ['追剧', 'binge'], ['阅读', 'read']],
  transport: [['出行', 'travel'], ['打车', 'taxi'], ['约车', 'ride'], ['顺风车', 'carpool'], ['畅行', 'go']],
  other: [['天气', 'weather'], ['清理大师', 'cleaner'], ['相机', 'camera'], ['壁纸', 'wallpaper'], ['记账', 'ledger'], ['计步', 'steps'], ['WiFi管家', 'wifi'], ['日历', 'calendar'], ['手电筒', 'torch'], ['应用市场', 'appstore'], ['游戏中心', 'gamecenter']],
};

export const SDK_WORDS: readonly [string, string][] = [
  ['推送SDK', 'push'], ['统计SDK', 'analytics'], ['广告SDK', 'ads'], ['一键登录SDK', 'onelogin'],
  ['定位SDK', 'location'], ['分享SDK', 'share'], ['支付SDK', 'pay'], ['风控SDK', 'risk'],
];

/** Restaurant and shop names that run their own ordering mini programs. */
export const SHOP_NAMES: readonly string[] = [
  '禾味小馆', '湘里人家', '老巷面馆', '一品粥铺', '蜀香小厨', '柚见茶饮', '椰林轻食', '稻香饭堂',
  '阿婆糖水', '南巷烧烤', '炉火小串', '渔港海鲜', '麦田烘焙', '山城火锅', '半山咖啡', '巷口牛肉面',
];

/** District words for parking operators' names. */
export const DISTRICTS: readonly string[] = ['城东', '滨江', '星港', '万象', '金桥', '湖滨', '河西', '高新'];

export const PERSON_NAMES: readonly string[] = [
  '刘洋', '张婷', '陈晨', '杨帆', '黄磊', '周琳', '吴昊', '徐静', '孙悦', '马超', '朱丽', '胡杰',
  '郭敏', '何平', '林峰', '罗丹', '宋佳', '谢宇', '韩雪', '唐亮',
];
