CREATE TABLE "stores" (
	"code" text PRIMARY KEY NOT NULL,
	"label_zh" text NOT NULL,
	"label_en" text NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
-- The stores of DESIGN §2 as they were seeded when stores became a managed list (db/seed/taxonomy.ts STORES).
INSERT INTO "stores" ("code", "label_zh", "label_en", "sort_order") VALUES
  ('huawei', '华为应用市场', 'Huawei AppGallery', 10),
  ('xiaomi', '小米应用商店', 'Xiaomi GetApps', 20),
  ('oppo', 'OPPO软件商店', 'OPPO App Market', 30),
  ('vivo', 'vivo应用商店', 'vivo App Store', 40),
  ('honor', '荣耀应用市场', 'Honor App Market', 50),
  ('apple', '苹果App Store', 'Apple App Store', 60),
  ('tencent', '应用宝', 'Tencent MyApp', 70),
  ('baidu', '百度手机助手', 'Baidu Mobile Assistant', 80),
  ('wechat', '微信小程序', 'WeChat mini program', 200),
  ('alipay', '支付宝小程序', 'Alipay mini program', 210),
  ('douyin', '抖音小程序', 'Douyin mini program', 220),
  ('kuaishou', '快手小程序', 'Kuaishou mini program', 230),
  ('qq', 'QQ小程序', 'QQ mini program', 240)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
-- Free-text store names become codes: a listing naming a store by its code, a label or a common alias
-- (any case, trimmed) is rewritten to the code; when the subject already lists that code, the duplicate goes.
-- Values that match nothing stay as they are (an admin adds them as stores, or corrects the listing).
CREATE TEMP TABLE "store_aliases" AS
  SELECT lower("code") AS "name", "code" FROM "stores"
  UNION SELECT lower("label_zh"), "code" FROM "stores"
  UNION SELECT lower("label_en"), "code" FROM "stores"
  UNION SELECT "name", "code" FROM (VALUES
    ('微信', 'wechat'), ('微信小程序', 'wechat'), ('支付宝', 'alipay'), ('支付宝小程序', 'alipay'),
    ('抖音', 'douyin'), ('抖音小程序', 'douyin'), ('快手', 'kuaishou'), ('快手小程序', 'kuaishou'),
    ('qq', 'qq'), ('qq小程序', 'qq'), ('百度智能小程序', 'baidu'), ('百度', 'baidu'), ('app store', 'apple'),
    ('appstore', 'apple'), ('苹果应用商店', 'apple'), ('华为', 'huawei'), ('华为应用市场', 'huawei'),
    ('小米', 'xiaomi'), ('小米应用商店', 'xiaomi'), ('荣耀', 'honor'), ('oppo', 'oppo'), ('vivo', 'vivo'), ('腾讯应用宝', 'tencent')
  ) AS a("name", "code");
--> statement-breakpoint
DELETE FROM "store_listings" d USING "store_aliases" a
  WHERE a."name" = lower(btrim(d."store")) AND d."store" <> a."code"
    AND EXISTS (SELECT 1 FROM "store_listings" o LEFT JOIN "store_aliases" oa ON oa."name" = lower(btrim(o."store"))
      WHERE o."subject_id" = d."subject_id" AND o."id" <> d."id" AND (o."store" = a."code" OR (oa."code" = a."code" AND o."id" < d."id")));
--> statement-breakpoint
UPDATE "store_listings" sl SET "store" = a."code" FROM "store_aliases" a
  WHERE a."name" = lower(btrim(sl."store")) AND sl."store" <> a."code";
--> statement-breakpoint
DROP TABLE "store_aliases";
