-- The deferred rollup deltas of an import (0024_stats_deferral) read only the rows the import touched.
-- Every rollup statement joins its pending rows to `inspections i` and `subjects s`; over the whole
-- tables (2M inspections, 1M subjects at DESIGN §8 scale) each of the nine statements scanned them
-- again. stats_deferred_deltas() copies the touched inspections and their subjects once into two
-- analyzed temporary tables (new rows from the pending tables, stored ones read by key), and
-- stats_into_delta() points each statement's joins at them.
-- The touched inspections cover every inspection those joins can reach: the new inspections, those of
-- the new findings and cases, those of the cases with a new `verified` event (the only events
-- stats_sql_verify_days counts), and every inspection of a subject with a new store listing (whose
-- existing cases gain that store). The touched subjects are the subjects of those inspections.
-- The pending subjects keep their id and operator too: a new subject's dimensions are read from there.
CREATE OR REPLACE FUNCTION stats_defer() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF stats_deferring() THEN RETURN; END IF;
  CREATE TEMP TABLE stats_pending_subjects ON COMMIT DROP AS SELECT id, sector, kind, platform, operator_id FROM subjects WITH NO DATA;
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
CREATE OR REPLACE FUNCTION stats_keep_sql(tbl text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN stats_deferring() THEN format('INSERT INTO pg_temp.%I SELECT %s FROM stats_new', 'stats_pending_' || tbl, CASE tbl
    WHEN 'subjects' THEN 'id, sector, kind, platform, operator_id'
    WHEN 'inspections' THEN 'id, subject_id, inspected_on, campaign_id'
    WHEN 'findings' THEN 'inspection_id, category'
    WHEN 'cases' THEN 'id, inspection_id, state, deadline, first_ordered_at, first_notified_at, first_removed_at, opened_at, closed_at'
    WHEN 'case_events' THEN 'case_id, to_state, at'
    WHEN 'store_listings' THEN 'subject_id, store' END) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_into_delta(q text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  q := regexp_replace(q, 'INSERT INTO (stats_[a-z_]+) AS t', 'INSERT INTO pg_temp.delta_\1 AS t');
  q := replace(q, 'JOIN inspections i ON', 'JOIN pg_temp.stats_touched_inspections i ON');
  q := replace(q, 'JOIN subjects s ON', 'JOIN pg_temp.stats_touched_subjects s ON');
  EXECUTE q;
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
  ANALYZE pg_temp.stats_pending_case_events;
  ANALYZE pg_temp.stats_pending_store_listings;
  -- The new inspections carry their own dimensions; only inspections stored before are read, by key.
  CREATE TEMP TABLE stats_touched_inspections ON COMMIT DROP AS
    SELECT p.id, p.subject_id, p.inspected_on, p.campaign_id FROM pg_temp.stats_pending_inspections p;
  ALTER TABLE pg_temp.stats_touched_inspections ADD PRIMARY KEY (id);
  ANALYZE pg_temp.stats_touched_inspections;
  INSERT INTO pg_temp.stats_touched_inspections
    SELECT i.id, i.subject_id, i.inspected_on, i.campaign_id
      FROM (SELECT DISTINCT x.id FROM (SELECT f.inspection_id AS id FROM pg_temp.stats_pending_findings f
                                       UNION ALL SELECT c.inspection_id FROM pg_temp.stats_pending_cases c
                                       UNION ALL SELECT c.inspection_id FROM pg_temp.stats_pending_case_events e JOIN cases c ON c.id = e.case_id
                                                  WHERE e.to_state = 'verified') x
             WHERE NOT EXISTS (SELECT 1 FROM pg_temp.stats_touched_inspections t WHERE t.id = x.id)) k
      JOIN inspections i ON i.id = k.id;
  -- A new subject's inspections are all new: only the known subjects with a new listing are looked up.
  ANALYZE pg_temp.stats_pending_subjects;
  INSERT INTO pg_temp.stats_touched_inspections
    SELECT i.id, i.subject_id, i.inspected_on, i.campaign_id
      FROM (SELECT DISTINCT l.subject_id FROM pg_temp.stats_pending_store_listings l
             WHERE NOT EXISTS (SELECT 1 FROM pg_temp.stats_pending_subjects ps WHERE ps.id = l.subject_id)) k
      JOIN inspections i ON i.subject_id = k.subject_id
     WHERE NOT EXISTS (SELECT 1 FROM pg_temp.stats_touched_inspections t WHERE t.id = i.id);
  ANALYZE pg_temp.stats_touched_inspections;
  CREATE TEMP TABLE stats_touched_subjects ON COMMIT DROP AS
    SELECT ps.id, ps.sector, ps.kind, ps.platform, ps.operator_id FROM pg_temp.stats_pending_subjects ps
     WHERE ps.id IN (SELECT t.subject_id FROM pg_temp.stats_touched_inspections t)
    UNION ALL
    SELECT s.id, s.sector, s.kind, s.platform, s.operator_id
      FROM (SELECT DISTINCT t.subject_id AS id FROM pg_temp.stats_touched_inspections t
             WHERE NOT EXISTS (SELECT 1 FROM pg_temp.stats_pending_subjects ps WHERE ps.id = t.subject_id)) k
      JOIN subjects s ON s.id = k.id;
  ALTER TABLE pg_temp.stats_touched_subjects ADD PRIMARY KEY (id);
  ANALYZE pg_temp.stats_touched_subjects;
  PERFORM stats_into_delta(stats_sql_subjects('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_subjects x)'));
  PERFORM stats_into_delta(stats_sql_inspections('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_inspections x)'));
  PERFORM stats_into_delta(stats_sql_findings('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_findings x)'));
  PERFORM stats_into_delta(stats_sql_cases(cases_src));
  PERFORM stats_into_delta(stats_sql_flow(cases_src));
  PERFORM stats_into_delta(stats_sql_operators(cases_src));
  -- New cases × every listing, plus new listings × the cases that were there before (each pair once).
  PERFORM stats_into_delta(stats_sql_stores(cases_src, stats_all_listings()));
  -- (Only the cases of the newly listed subjects' inspections can meet a new listing.)
  PERFORM stats_into_delta(stats_sql_stores(
    '(SELECT c0.*, 1 AS sgn FROM cases c0
       WHERE c0.inspection_id IN (SELECT t.id FROM pg_temp.stats_touched_inspections t
                                   WHERE t.subject_id IN (SELECT l.subject_id FROM pg_temp.stats_pending_store_listings l))
         AND NOT EXISTS (SELECT 1 FROM pg_temp.stats_pending_cases p WHERE p.id = c0.id))',
    '(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_store_listings x)'));
  PERFORM stats_into_delta(stats_sql_verify_days('(SELECT x.*, 1 AS sgn FROM pg_temp.stats_pending_case_events x)'));
  DROP TABLE pg_temp.stats_pending_subjects, pg_temp.stats_pending_inspections, pg_temp.stats_pending_findings,
    pg_temp.stats_pending_cases, pg_temp.stats_pending_case_events, pg_temp.stats_pending_store_listings,
    pg_temp.stats_touched_inspections, pg_temp.stats_touched_subjects;
END
$$;
