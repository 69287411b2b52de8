-- multi_line counts products, not subjects (issue #15): the same product on several platforms or as an
-- app and a mini program is one line. A product is known by its App / mini program filing number (the whole
-- number with its per-product suffix: the root before the suffix is the filer's, shared by every product of
-- one company) or else by its name without platform and edition markers.
-- filing_number_key is the SQL twin of normaliseFiling in lib/domain/identifiers.ts (tests/integration/product-keys.test.ts pins them).
CREATE OR REPLACE FUNCTION filing_number_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT upper(regexp_replace(translate(normalize(value, NFKC), E'\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D', '----------'), '\s+', '', 'g'))
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION product_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(nullif(
    regexp_replace(
      regexp_replace(
        regexp_replace(lower(normalize(name, NFKC)), '\([^)]*\)|\[[^]]*\]|【[^】]*】', '', 'g'),
        '[[:space:][:punct:]·・•]+', '', 'g'),
      '(小程序|快应用|极速版|安卓版|苹果版|鸿蒙版|android版|ios版|iphone版|ipad版|android|ios|harmonyos|hd|lite|app|版)+$', ''),
    ''), lower(normalize(name, NFKC)))
$$;--> statement-breakpoint
-- The default threshold becomes 3 products (bench/multi-line-campaign.ts); an office that set its own keeps it.
UPDATE offender_rules SET threshold = 3 WHERE rule = 'multi_line' AND threshold = 2 AND updated_by IS NULL;
