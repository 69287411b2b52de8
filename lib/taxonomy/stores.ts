/**
 * The labels of app stores and mini-program host platforms, as a notice's annex names them (its
 * "source" column) and the dashboard's store breakdown shows them. The app reads them here; the seed
 * (db/seed/taxonomy.ts) writes the stores taxonomy from the same table.
 */
/** App stores, as a notice's annex names them ("source"). */
export const STORE_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  huawei: { zh: '华为应用市场', en: 'Huawei AppGallery' },
  xiaomi: { zh: '小米应用商店', en: 'Xiaomi GetApps' },
  oppo: { zh: 'OPPO软件商店', en: 'OPPO App Market' },
  vivo: { zh: 'vivo应用商店', en: 'vivo App Store' },
  honor: { zh: '荣耀应用市场', en: 'Honor App Market' },
  apple: { zh: '苹果App Store', en: 'Apple App Store' },
  tencent: { zh: '应用宝', en: 'Tencent MyApp' },
  baidu: { zh: '百度手机助手', en: 'Baidu Mobile Assistant' },
};

/** Host platforms of mini programs (their store listing's `store` is the platform code). */
export const HOST_PLATFORM_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  wechat: { zh: '微信小程序', en: 'WeChat mini program' },
  alipay: { zh: '支付宝小程序', en: 'Alipay mini program' },
  douyin: { zh: '抖音小程序', en: 'Douyin mini program' },
  baidu: { zh: '百度智能小程序', en: 'Baidu smart mini program' },
  kuaishou: { zh: '快手小程序', en: 'Kuaishou mini program' },
  qq: { zh: 'QQ小程序', en: 'QQ mini program' },
};
