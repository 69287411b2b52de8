-- Dashboard rollups (docs/decisions/0004-dashboard-rollups.md), kept exact by the database itself.
--
-- Statement-level AFTER triggers with transition tables: one INSERT … SELECT … GROUP BY … ON CONFLICT
-- per rollup and statement, however many rows the statement wrote (a 10,000-row import is one upsert
-- per rollup, not 10,000). Every source is a relation with the base table's columns plus `sgn`
-- (+1 for new rows, -1 for old ones), so INSERT, DELETE and UPDATE share one piece of SQL per rollup:
-- an UPDATE is old rows at -1 plus new rows at +1, and groups whose changes cancel out are skipped.
-- Cells are upserted in key order, so concurrent writers lock them in the same order (no deadlocks).
--
-- The stats_sql_* functions only build SQL text: transition tables are visible to the trigger
-- function's own queries only, so the trigger function EXECUTEs the text itself.
-- Changes of a subject's or inspection's dimensions (rare) move everything under it: a row-level
-- BEFORE trigger subtracts its contributions with the old values, an AFTER trigger adds them back.

CREATE OR REPLACE FUNCTION stats_dims(i text, s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('date_trunc(''month'', %1$s.inspected_on::timestamp)::date, coalesce(%1$s.campaign_id, 0), %2$s.sector, %2$s.kind, %2$s.platform', i, s)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_subjects(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_subjects AS t (sector, kind, platform, subjects)
    SELECT s.sector, s.kind, s.platform, sum(s.sgn) FROM %s s
    GROUP BY 1, 2, 3 HAVING sum(s.sgn) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (sector, kind, platform) DO UPDATE SET subjects = t.subjects + excluded.subjects
  $q$, src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_inspections(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_inspections AS t (month, campaign_id, sector, kind, platform, inspections)
    SELECT %s, sum(i.sgn) FROM %s i JOIN subjects s ON s.id = i.subject_id
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(i.sgn) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (month, campaign_id, sector, kind, platform) DO UPDATE SET inspections = t.inspections + excluded.inspections
  $q$, stats_dims('i', 's'), src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_findings(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_findings AS t (month, campaign_id, sector, kind, platform, category, findings)
    SELECT %s, f.category, sum(f.sgn)
    FROM %s f JOIN inspections i ON i.id = f.inspection_id JOIN subjects s ON s.id = i.subject_id
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.sgn) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, campaign_id, sector, kind, platform, category) DO UPDATE SET findings = t.findings + excluded.findings
  $q$, stats_dims('i', 's'), src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_cases(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_cases AS t (month, campaign_id, sector, kind, platform, state, deadline, cases, ordered, notified, removed)
    SELECT %s, c.state,
      CASE WHEN c.state IN ('ordered', 'notified') THEN coalesce(c.deadline, 'infinity'::date) ELSE 'infinity'::date END,
      sum(c.sgn),
      sum(CASE WHEN c.first_ordered_at IS NOT NULL THEN c.sgn ELSE 0 END),
      sum(CASE WHEN c.first_notified_at IS NOT NULL THEN c.sgn ELSE 0 END),
      sum(CASE WHEN c.first_removed_at IS NOT NULL THEN c.sgn ELSE 0 END)
    FROM %s c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(c.sgn) <> 0
      OR sum(CASE WHEN c.first_ordered_at IS NOT NULL THEN c.sgn ELSE 0 END) <> 0
      OR sum(CASE WHEN c.first_notified_at IS NOT NULL THEN c.sgn ELSE 0 END) <> 0
      OR sum(CASE WHEN c.first_removed_at IS NOT NULL THEN c.sgn ELSE 0 END) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (month, campaign_id, sector, kind, platform, state, deadline) DO UPDATE SET
      cases = t.cases + excluded.cases, ordered = t.ordered + excluded.ordered,
      notified = t.notified + excluded.notified, removed = t.removed + excluded.removed
  $q$, stats_dims('i', 's'), src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_flow(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_case_flow AS t (event_month, campaign_id, sector, kind, platform, opened, closed)
    SELECT x.m, x.campaign_id, x.sector, x.kind, x.platform, sum(x.opened), sum(x.closed) FROM (
      SELECT date_trunc('month', c.opened_at AT TIME ZONE 'Asia/Shanghai')::date AS m, coalesce(i.campaign_id, 0) AS campaign_id,
        s.sector, s.kind, s.platform, c.sgn AS opened, 0 AS closed
      FROM %1$s c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
      UNION ALL
      SELECT date_trunc('month', c.closed_at AT TIME ZONE 'Asia/Shanghai')::date, coalesce(i.campaign_id, 0),
        s.sector, s.kind, s.platform, 0, c.sgn
      FROM %1$s c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
      WHERE c.closed_at IS NOT NULL
    ) x
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(x.opened) <> 0 OR sum(x.closed) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (event_month, campaign_id, sector, kind, platform) DO UPDATE SET
      opened = t.opened + excluded.opened, closed = t.closed + excluded.closed
  $q$, src)
$$;
--> statement-breakpoint
-- A case counts once for each store its subject is listed on: cases (csrc) × listings (lsrc).
CREATE OR REPLACE FUNCTION stats_sql_stores(csrc text, lsrc text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_store_cases AS t (month, campaign_id, sector, kind, platform, store, cases)
    SELECT %s, l.store, sum(c.sgn * l.sgn)
    FROM %s c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
    JOIN %s l ON l.subject_id = i.subject_id
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(c.sgn * l.sgn) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, campaign_id, sector, kind, platform, store) DO UPDATE SET cases = t.cases + excluded.cases
  $q$, stats_dims('i', 's'), csrc, lsrc)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_sql_operators(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_operator_cases AS t (operator_id, campaign_id, sector, kind, platform, cases, open_cases)
    SELECT coalesce(s.operator_id, 0), coalesce(i.campaign_id, 0), s.sector, s.kind, s.platform,
      sum(c.sgn), sum(CASE WHEN c.closed_at IS NULL THEN c.sgn ELSE 0 END)
    FROM %s c JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(c.sgn) <> 0 OR sum(CASE WHEN c.closed_at IS NULL THEN c.sgn ELSE 0 END) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (operator_id, campaign_id, sector, kind, platform) DO UPDATE SET
      cases = t.cases + excluded.cases, open_cases = t.open_cases + excluded.open_cases
  $q$, src)
$$;
--> statement-breakpoint
-- Verification events (src: case_events) by whole days since the case's first `ordered` event.
CREATE OR REPLACE FUNCTION stats_sql_verify_days(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO stats_verify_days AS t (month, campaign_id, sector, kind, platform, days, cases)
    SELECT %s, floor(extract(epoch FROM e.at - o.at) / 86400)::int, sum(e.sgn)
    FROM %s e
    JOIN cases c ON c.id = e.case_id
    JOIN inspections i ON i.id = c.inspection_id JOIN subjects s ON s.id = i.subject_id
    CROSS JOIN LATERAL (SELECT min(x.at) AS at FROM case_events x WHERE x.case_id = e.case_id AND x.to_state = 'ordered') o
    WHERE e.to_state = 'verified' AND o.at IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(e.sgn) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (month, campaign_id, sector, kind, platform, days) DO UPDATE SET cases = t.cases + excluded.cases
  $q$, stats_dims('i', 's'), src)
$$;
--> statement-breakpoint
-- The rows a statement changed, as a relation with `sgn`.
CREATE OR REPLACE FUNCTION stats_changed(op text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN '(SELECT x.*, 1 AS sgn FROM stats_new x)'
    WHEN 'DELETE' THEN '(SELECT x.*, -1 AS sgn FROM stats_old x)'
    ELSE '(SELECT x.*, -1 AS sgn FROM stats_old x UNION ALL SELECT y.*, 1 AS sgn FROM stats_new y)'
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_all_listings() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '(SELECT l0.subject_id, l0.store, 1 AS sgn FROM store_listings l0)'
$$;
--> statement-breakpoint
-- Adds (sign 1) or subtracts (sign -1) everything under the inspections matching `cond` (on i0).
CREATE OR REPLACE FUNCTION stats_apply_scope(cond text, sign int, with_inspections boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  src_c text := format('(SELECT c0.*, %s AS sgn FROM cases c0 JOIN inspections i0 ON i0.id = c0.inspection_id WHERE %s)', sign, cond);
BEGIN
  IF with_inspections THEN
    EXECUTE stats_sql_inspections(format('(SELECT i0.*, %s AS sgn FROM inspections i0 WHERE %s)', sign, cond));
  END IF;
  EXECUTE stats_sql_findings(format('(SELECT f0.*, %s AS sgn FROM findings f0 JOIN inspections i0 ON i0.id = f0.inspection_id WHERE %s)', sign, cond));
  EXECUTE stats_sql_cases(src_c);
  EXECUTE stats_sql_flow(src_c);
  EXECUTE stats_sql_stores(src_c, stats_all_listings());
  EXECUTE stats_sql_operators(src_c);
  EXECUTE stats_sql_verify_days(format(
    '(SELECT e0.*, %s AS sgn FROM case_events e0 JOIN cases c0 ON c0.id = e0.case_id JOIN inspections i0 ON i0.id = c0.inspection_id WHERE %s)', sign, cond));
END
$$;
--> statement-breakpoint
-- Recomputes every rollup from the base tables (used once below; safe to run at any time).
CREATE OR REPLACE FUNCTION stats_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stats_subjects; DELETE FROM stats_inspections; DELETE FROM stats_findings; DELETE FROM stats_cases;
  DELETE FROM stats_case_flow; DELETE FROM stats_store_cases; DELETE FROM stats_operator_cases; DELETE FROM stats_verify_days;
  EXECUTE stats_sql_subjects('(SELECT s0.*, 1 AS sgn FROM subjects s0)');
  PERFORM stats_apply_scope('true', 1, true);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_subjects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stats_sql_subjects(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_inspections_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stats_sql_inspections(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_findings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE stats_sql_findings(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text := stats_changed(TG_OP);
BEGIN
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
  EXECUTE stats_sql_verify_days(stats_changed(TG_OP));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_listings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A new version seen changes nothing here: only listings added, removed or moved count.
  EXECUTE stats_sql_stores('(SELECT c0.*, 1 AS sgn FROM cases c0)', CASE WHEN TG_OP <> 'UPDATE' THEN stats_changed(TG_OP) ELSE
    '(SELECT x.*, -1 AS sgn FROM stats_old x JOIN stats_new y ON y.id = x.id WHERE (y.subject_id, y.store) IS DISTINCT FROM (x.subject_id, x.store)
      UNION ALL SELECT y.*, 1 AS sgn FROM stats_new y JOIN stats_old x ON x.id = y.id WHERE (y.subject_id, y.store) IS DISTINCT FROM (x.subject_id, x.store))' END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A subject's or an inspection's dimensions change: move everything under it.
CREATE OR REPLACE FUNCTION stats_scope_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cond text := CASE TG_TABLE_NAME WHEN 'subjects' THEN format('i0.subject_id = %s', OLD.id) ELSE format('i0.id = %s', OLD.id) END;
BEGIN
  PERFORM stats_apply_scope(cond, CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END, TG_TABLE_NAME = 'subjects');
  IF TG_WHEN = 'BEFORE' THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stats_subjects_ins AFTER INSERT ON subjects REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_subjects_changed();
--> statement-breakpoint
CREATE TRIGGER stats_subjects_upd AFTER UPDATE ON subjects REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_subjects_changed();
--> statement-breakpoint
CREATE TRIGGER stats_subjects_del AFTER DELETE ON subjects REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_subjects_changed();
--> statement-breakpoint
CREATE TRIGGER stats_subjects_move_before BEFORE UPDATE ON subjects FOR EACH ROW
  WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.platform IS DISTINCT FROM NEW.platform OR OLD.operator_id IS DISTINCT FROM NEW.operator_id)
  EXECUTE FUNCTION stats_scope_moved();
--> statement-breakpoint
CREATE TRIGGER stats_subjects_move_after AFTER UPDATE ON subjects FOR EACH ROW
  WHEN (OLD.sector IS DISTINCT FROM NEW.sector OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.platform IS DISTINCT FROM NEW.platform OR OLD.operator_id IS DISTINCT FROM NEW.operator_id)
  EXECUTE FUNCTION stats_scope_moved();
--> statement-breakpoint
CREATE TRIGGER stats_inspections_ins AFTER INSERT ON inspections REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_inspections_changed();
--> statement-breakpoint
CREATE TRIGGER stats_inspections_upd AFTER UPDATE ON inspections REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_inspections_changed();
--> statement-breakpoint
CREATE TRIGGER stats_inspections_del AFTER DELETE ON inspections REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_inspections_changed();
--> statement-breakpoint
CREATE TRIGGER stats_inspections_move_before BEFORE UPDATE ON inspections FOR EACH ROW
  WHEN (OLD.subject_id IS DISTINCT FROM NEW.subject_id OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id OR OLD.inspected_on IS DISTINCT FROM NEW.inspected_on)
  EXECUTE FUNCTION stats_scope_moved();
--> statement-breakpoint
CREATE TRIGGER stats_inspections_move_after AFTER UPDATE ON inspections FOR EACH ROW
  WHEN (OLD.subject_id IS DISTINCT FROM NEW.subject_id OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id OR OLD.inspected_on IS DISTINCT FROM NEW.inspected_on)
  EXECUTE FUNCTION stats_scope_moved();
--> statement-breakpoint
-- Deleting an inspection cascades to its findings; their trigger no longer sees the inspection, so
-- its contributions are taken away here, while it still exists.
CREATE TRIGGER stats_inspections_delete_scope BEFORE DELETE ON inspections FOR EACH ROW EXECUTE FUNCTION stats_scope_moved();
--> statement-breakpoint
CREATE TRIGGER stats_findings_ins AFTER INSERT ON findings REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_findings_changed();
--> statement-breakpoint
CREATE TRIGGER stats_findings_upd AFTER UPDATE ON findings REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_findings_changed();
--> statement-breakpoint
CREATE TRIGGER stats_findings_del AFTER DELETE ON findings REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_findings_changed();
--> statement-breakpoint
CREATE TRIGGER stats_cases_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_changed();
--> statement-breakpoint
CREATE TRIGGER stats_cases_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_changed();
--> statement-breakpoint
CREATE TRIGGER stats_cases_del AFTER DELETE ON cases REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_cases_changed();
--> statement-breakpoint
CREATE TRIGGER stats_case_events_ins AFTER INSERT ON case_events REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_case_events_changed();
--> statement-breakpoint
CREATE TRIGGER stats_case_events_del AFTER DELETE ON case_events REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_case_events_changed();
--> statement-breakpoint
CREATE TRIGGER stats_listings_ins AFTER INSERT ON store_listings REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_listings_changed();
--> statement-breakpoint
CREATE TRIGGER stats_listings_upd AFTER UPDATE ON store_listings REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION stats_listings_changed();
--> statement-breakpoint
CREATE TRIGGER stats_listings_del AFTER DELETE ON store_listings REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION stats_listings_changed();
--> statement-breakpoint
SELECT stats_rebuild();
