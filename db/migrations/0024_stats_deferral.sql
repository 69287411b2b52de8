-- Issue #18 (a #13 residual): a large import's apply held the dashboard rollup cells it touched
-- (ADR 0004: same sector and month) from its first insert to its commit, so a ladder transition on
-- a case in those cells waited for the whole apply (69.3 s at 1M rows). Such a transaction calls
-- stats_defer() first: its INSERT triggers then only copy the columns the rollups read into
-- temporary tables; stats_deferred_deltas() turns them into per-cell deltas in temporary copies of
-- the rollups (the GROUP BYs, locking nothing shared), and stats_merge_deferred() adds those deltas
-- to the rollups — a few hundred upserts, in key order, right before the commit. Same figures as the
-- triggers (counts add up in any order), in the same transaction: all-or-nothing is kept.
-- While deferring, UPDATEs and DELETEs still count at once; the deferring transaction must not
-- update or delete rows it inserted while deferring (the import only inserts).
CREATE OR REPLACE FUNCTION stats_deferring() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('rectify.stats_deferred', true), '') = 'on'
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_defer() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF stats_deferring() THEN RETURN; END IF;
  CREATE TEMP TABLE stats_pending_subjects ON COMMIT DROP AS SELECT sector, kind, platform FROM subjects WITH NO DATA;
  CREATE TEMP TABLE stats_pending_inspections ON COMMIT DROP AS SELECT id, subject_id, inspected_on, campaign_id FROM inspections WITH NO DATA;
  CREATE TEMP TABLE stats_pending_findings ON COMMIT DROP AS SELECT inspection_id, category FROM findings WITH NO DATA;
  CREATE TEMP TABLE stats_pending_cases ON COMMIT DROP AS
    SELECT id, inspection_id, state, deadline, first_ordered_at, first_notified_at, first_removed_at, opened_at, closed_at FROM cases WITH NO DATA;
  CREATE TEMP TABLE stats_pending_case_events ON COMMIT DROP AS SELECT case_id, to_state, at FROM case_events WITH NO DATA;
  CREATE TEMP TABLE stats_pending_store_listings ON COMMIT DROP AS SELECT subject_id, store FROM store_listings WITH NO DATA;
  PERFORM set_config('rectify.stats_deferred', 'on', true);
END
$$;
--> statement-breakpoint
-- The INSERT branch of every rollup trigger while deferring: the statement that keeps the inserted
-- rows (NULL when not deferring). The trigger function runs it itself: only its own queries see
-- the transition table.
CREATE OR REPLACE FUNCTION stats_keep_sql(tbl text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN stats_deferring() THEN format('INSERT INTO pg_temp.%I SELECT %s FROM stats_new', 'stats_pending_' || tbl, CASE tbl
    WHEN 'subjects' THEN 'sector, kind, platform'
    WHEN 'inspections' THEN 'id, subject_id, inspected_on, campaign_id'
    WHEN 'findings' THEN 'inspection_id, category'
    WHEN 'cases' THEN 'id, inspection_id, state, deadline, first_ordered_at, first_notified_at, first_removed_at, opened_at, closed_at'
    WHEN 'case_events' THEN 'case_id, to_state, at'
    WHEN 'store_listings' THEN 'subject_id, store' END) END
$$;
--> statement-breakpoint
-- The rollups in the order cells are locked (the order a case's own triggers upsert them).
CREATE OR REPLACE FUNCTION stats_rollups() RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['stats_subjects', 'stats_inspections', 'stats_findings', 'stats_cases', 'stats_case_flow',
    'stats_operator_cases', 'stats_store_cases', 'stats_verify_days']
$$;
--> statement-breakpoint
-- Runs one rollup statement into the rollup's temporary copy (pg_temp.delta_<rollup>) instead.
CREATE OR REPLACE FUNCTION stats_into_delta(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE regexp_replace(q, 'INSERT INTO (stats_[a-z_]+) AS t', 'INSERT INTO pg_temp.delta_\1 AS t');
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_deferred_deltas() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r text;
  cases_src text := '(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_cases x)';
BEGIN
  IF NOT stats_deferring() THEN RETURN; END IF;
  PERFORM set_config('rectify.stats_deferred', 'off', true);
  FOREACH r IN ARRAY stats_rollups() LOOP
    EXECUTE format('CREATE TEMP TABLE %I (LIKE %I INCLUDING ALL) ON COMMIT DROP', 'delta_' || r, r);
  END LOOP;
  ANALYZE pg_temp.stats_pending_inspections;
  ANALYZE pg_temp.stats_pending_findings;
  ANALYZE pg_temp.stats_pending_cases;
  ANALYZE pg_temp.stats_pending_store_listings;
  PERFORM stats_into_delta(stats_sql_subjects('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_subjects x)'));
  PERFORM stats_into_delta(stats_sql_inspections('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_inspections x)'));
  PERFORM stats_into_delta(stats_sql_findings('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_findings x)'));
  PERFORM stats_into_delta(stats_sql_cases(cases_src));
  PERFORM stats_into_delta(stats_sql_flow(cases_src));
  PERFORM stats_into_delta(stats_sql_operators(cases_src));
  -- New cases × every listing, plus new listings × the cases that were there before (each pair once).
  PERFORM stats_into_delta(stats_sql_stores(cases_src, stats_all_listings()));
  PERFORM stats_into_delta(stats_sql_stores(
    '(SELECT c0.*, 1 AS sgn FROM cases c0 WHERE NOT EXISTS (SELECT 1 FROM pg_temp.stats_pending_cases p WHERE p.id = c0.id))',
    '(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_store_listings x)'));
  PERFORM stats_into_delta(stats_sql_verify_days('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_case_events x)'));
  DROP TABLE pg_temp.stats_pending_subjects, pg_temp.stats_pending_inspections, pg_temp.stats_pending_findings,
    pg_temp.stats_pending_cases, pg_temp.stats_pending_case_events, pg_temp.stats_pending_store_listings;
END
$$;
--> statement-breakpoint
-- Adds the deltas to the rollups, each in key order (the lock order of every writer, ADR 0004).
CREATE OR REPLACE FUNCTION stats_merge_deferred() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r text;
  keys text;
  sets text;
BEGIN
  IF to_regclass('pg_temp.delta_stats_subjects') IS NULL THEN RETURN; END IF;
  FOREACH r IN ARRAY stats_rollups() LOOP
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum)) INTO keys
      FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
     WHERE i.indrelid = r::regclass AND i.indisprimary;
    SELECT string_agg(format('%1$I = t.%1$I + excluded.%1$I', a.attname), ', ' ORDER BY a.attnum) INTO sets
      FROM pg_attribute a
     WHERE a.attrelid = r::regclass AND a.attnum > 0 AND NOT a.attisdropped
       AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey::int2[]));
    EXECUTE format('INSERT INTO %1$I AS t SELECT * FROM pg_temp.%2$I ORDER BY %3$s ON CONFLICT (%3$s) DO UPDATE SET %4$s',
      r, 'delta_' || r, keys, sets);
    EXECUTE format('DROP TABLE pg_temp.%I', 'delta_' || r);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_subjects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('subjects'); RETURN NULL; END IF;
  EXECUTE stats_sql_subjects(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('inspections'); RETURN NULL; END IF;
  EXECUTE stats_sql_inspections(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_findings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('findings'); RETURN NULL; END IF;
  EXECUTE stats_sql_findings(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text := stats_changed(TG_OP);
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('cases'); RETURN NULL; END IF;
  EXECUTE stats_sql_cases(src);
  EXECUTE stats_sql_flow(src);
  EXECUTE stats_sql_operators(src);
  IF TG_OP <> 'UPDATE' THEN
    EXECUTE stats_sql_stores(src, stats_all_listings());
  ELSE
    -- Only a moved case changes the store counts; skip the listing join for plain transitions.
    EXECUTE stats_sql_stores(
      '(SELECT x.*, -1 AS sgn FROM stats_old x JOIN stats_new y ON y.id = x.id WHERE y.inspection_id <> x.inspection_id
        UNION ALL SELECT y.*, 1 AS sgn FROM stats_new y JOIN stats_old x ON x.id = y.id WHERE y.inspection_id <> x.inspection_id)',
      stats_all_listings());
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_case_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('case_events'); RETURN NULL; END IF;
  EXECUTE stats_sql_verify_days(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_listings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN EXECUTE stats_keep_sql('store_listings'); RETURN NULL; END IF;
  -- A new version seen changes nothing here: only listings added, removed or moved count.
  EXECUTE stats_sql_stores('(SELECT c0.*, 1 AS sgn FROM cases c0)', CASE WHEN TG_OP <> 'UPDATE' THEN stats_changed(TG_OP) ELSE
    '(SELECT x.*, -1 AS sgn FROM stats_old x JOIN stats_new y ON y.id = x.id WHERE (y.subject_id, y.store) IS DISTINCT FROM (x.subject_id, x.store)
      UNION ALL SELECT y.*, 1 AS sgn FROM stats_new y JOIN stats_old x ON x.id = y.id WHERE (y.subject_id, y.store) IS DISTINCT FROM (x.subject_id, x.store))' END);
  RETURN NULL;
END
$$;
