-- Issue #18: the full repeat-offender recompute had every rule read cases ⋈ inspections ⋈ subjects
-- whole to find the few thousand operators and subjects that can qualify. These tallies of COUNTED
-- cases (not withdrawn: the rules' own filter, DESIGN §4) are kept by the writes themselves, in the
-- writing transaction, the way the dashboard rollups are (0005): statement-level triggers with
-- transition tables, one grouped upsert per statement in key order (an import's 10,000 cases are one
-- upsert per tally, not 10,000).
--  - offender_operator_tallies (operator_id, campaign_id, cases): campaign_id 0 holds every counted
--    case of the operator (operator_recurrence: no window holds more), a campaign's id its counted
--    cases in that campaign (multi_line). By the case's subject's operator and its inspection's
--    campaign, as the rules join them; cases of subjects without an operator are not tallied.
--  - offender_subject_tallies (subject_id, cases, fixed): counted cases of the subject and those of
--    them verified or reinstated (FIXED_STATES, lib/cases/ladder.ts): subject_recidivism needs one
--    fixed case and another counted case on the subject.
-- The full recompute reads them as its pre-filter (lib/offenders/rules); the rules still compute every
-- flag from the base tables. tests/integration/offenders-tallies.test.ts checks them against the
-- base tables after every kind of write.
-- A subject moving to another operator, or an inspection to another campaign, moves its
-- counted cases (row triggers; neither happens often). Cases cannot outlive their subject or
-- inspection (no cascade), so a deleted case still finds both.
-- An import defers (stats_defer, 0024): its inserted cases wait in a temporary table and are tallied
-- by offender_tallies_merge_deferred(), called right after stats_merge_deferred() — every writer
-- locks rollup cells first and tallies after (these triggers sort after the stats_* ones).
CREATE TABLE "offender_operator_tallies" (
	"operator_id" integer NOT NULL,
	"campaign_id" integer NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "offender_operator_tallies_pk" PRIMARY KEY ("operator_id", "campaign_id")
);
--> statement-breakpoint
CREATE TABLE "offender_subject_tallies" (
	"subject_id" integer PRIMARY KEY NOT NULL,
	"cases" integer NOT NULL,
	"fixed" integer NOT NULL
);
--> statement-breakpoint
-- The recompute asks for the tallies at or above a threshold (thresholds are configurable).
CREATE INDEX "offender_operator_tallies_cases_idx" ON "offender_operator_tallies" ("campaign_id", "cases");
--> statement-breakpoint
CREATE INDEX "offender_subject_tallies_pairs_idx" ON "offender_subject_tallies" ("subject_id") WHERE "fixed" > 0 AND "cases" >= 2;
--> statement-breakpoint
-- src: cases rows with `sgn` (stats_changed() of 0005, or any such relation).
CREATE OR REPLACE FUNCTION offender_tallies_sql_operators(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO offender_operator_tallies AS t (operator_id, campaign_id, cases)
    SELECT s.operator_id, k.campaign_id, sum(c.sgn)
    FROM %s c JOIN subjects s ON s.id = c.subject_id JOIN inspections i ON i.id = c.inspection_id
    CROSS JOIN LATERAL (VALUES (0), (i.campaign_id)) k(campaign_id)
    WHERE c.state <> 'withdrawn' AND s.operator_id IS NOT NULL AND k.campaign_id IS NOT NULL
    GROUP BY 1, 2 HAVING sum(c.sgn) <> 0 ORDER BY 1, 2
    ON CONFLICT (operator_id, campaign_id) DO UPDATE SET cases = t.cases + excluded.cases
  $q$, src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION offender_tallies_sql_subjects(src text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    INSERT INTO offender_subject_tallies AS t (subject_id, cases, fixed)
    SELECT c.subject_id, sum(CASE WHEN c.state <> 'withdrawn' THEN c.sgn ELSE 0 END),
      sum(CASE WHEN c.state IN ('verified', 'reinstated') THEN c.sgn ELSE 0 END)
    FROM %s c
    GROUP BY 1
    HAVING sum(CASE WHEN c.state <> 'withdrawn' THEN c.sgn ELSE 0 END) <> 0
        OR sum(CASE WHEN c.state IN ('verified', 'reinstated') THEN c.sgn ELSE 0 END) <> 0
    ORDER BY 1
    ON CONFLICT (subject_id) DO UPDATE SET cases = t.cases + excluded.cases, fixed = t.fixed + excluded.fixed
  $q$, src)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION offender_tallies_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE src text;
BEGIN
  IF TG_OP = 'INSERT' AND stats_deferring() THEN
    CREATE TEMP TABLE IF NOT EXISTS offender_tallies_pending (subject_id int, inspection_id int, state case_state) ON COMMIT DROP;
    EXECUTE 'INSERT INTO pg_temp.offender_tallies_pending SELECT subject_id, inspection_id, state FROM stats_new';
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Only cases whose state crossed what counts, or that moved: a plain transition tallies nothing.
    src := '(SELECT x.*, -1 AS sgn FROM stats_old x JOIN stats_new y ON y.id = x.id
               WHERE (x.subject_id, x.inspection_id, x.state = ''withdrawn'', x.state IN (''verified'', ''reinstated''))
                     IS DISTINCT FROM (y.subject_id, y.inspection_id, y.state = ''withdrawn'', y.state IN (''verified'', ''reinstated''))
             UNION ALL
             SELECT y.*, 1 AS sgn FROM stats_new y JOIN stats_old x ON x.id = y.id
               WHERE (x.subject_id, x.inspection_id, x.state = ''withdrawn'', x.state IN (''verified'', ''reinstated''))
                     IS DISTINCT FROM (y.subject_id, y.inspection_id, y.state = ''withdrawn'', y.state IN (''verified'', ''reinstated'')))';
  ELSE
    src := stats_changed(TG_OP);
  END IF;
  EXECUTE offender_tallies_sql_operators(src);
  EXECUTE offender_tallies_sql_subjects(src);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A subject's operator or an inspection's campaign/subject changes: its counted cases move (the BEFORE
-- trigger takes them away with the old values, the AFTER trigger adds them with the new ones).
CREATE OR REPLACE FUNCTION offender_tallies_scope_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE offender_tallies_sql_operators(format('(SELECT c0.*, %s AS sgn FROM cases c0 WHERE %s)',
    CASE WHEN TG_WHEN = 'BEFORE' THEN -1 ELSE 1 END,
    CASE TG_TABLE_NAME WHEN 'subjects' THEN format('c0.subject_id = %s', OLD.id) ELSE format('c0.inspection_id = %s', OLD.id) END));
  IF TG_WHEN = 'BEFORE' THEN RETURN NEW; END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION offender_tallies_merge_deferred() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.offender_tallies_pending') IS NULL THEN RETURN; END IF;
  ANALYZE pg_temp.offender_tallies_pending;
  EXECUTE offender_tallies_sql_operators('(SELECT x.*, 1 AS sgn FROM pg_temp.offender_tallies_pending x)');
  EXECUTE offender_tallies_sql_subjects('(SELECT x.*, 1 AS sgn FROM pg_temp.offender_tallies_pending x)');
  DROP TABLE pg_temp.offender_tallies_pending;
END
$$;
--> statement-breakpoint
-- Recomputes both tallies from the base tables (used once below; safe to run at any time).
CREATE OR REPLACE FUNCTION offender_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM offender_operator_tallies;
  DELETE FROM offender_subject_tallies;
  EXECUTE offender_tallies_sql_operators('(SELECT c0.*, 1 AS sgn FROM cases c0)');
  EXECUTE offender_tallies_sql_subjects('(SELECT c0.*, 1 AS sgn FROM cases c0)');
END
$$;
--> statement-breakpoint
CREATE TRIGGER tally_cases_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION offender_tallies_cases_changed();
--> statement-breakpoint
CREATE TRIGGER tally_cases_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS stats_old NEW TABLE AS stats_new FOR EACH STATEMENT EXECUTE FUNCTION offender_tallies_cases_changed();
--> statement-breakpoint
CREATE TRIGGER tally_cases_del AFTER DELETE ON cases REFERENCING OLD TABLE AS stats_old FOR EACH STATEMENT EXECUTE FUNCTION offender_tallies_cases_changed();
--> statement-breakpoint
CREATE TRIGGER tally_subjects_move_before BEFORE UPDATE ON subjects FOR EACH ROW
  WHEN (OLD.operator_id IS DISTINCT FROM NEW.operator_id) EXECUTE FUNCTION offender_tallies_scope_moved();
--> statement-breakpoint
CREATE TRIGGER tally_subjects_move_after AFTER UPDATE ON subjects FOR EACH ROW
  WHEN (OLD.operator_id IS DISTINCT FROM NEW.operator_id) EXECUTE FUNCTION offender_tallies_scope_moved();
--> statement-breakpoint
CREATE TRIGGER tally_inspections_move_before BEFORE UPDATE ON inspections FOR EACH ROW
  WHEN (OLD.campaign_id IS DISTINCT FROM NEW.campaign_id) EXECUTE FUNCTION offender_tallies_scope_moved();
--> statement-breakpoint
CREATE TRIGGER tally_inspections_move_after AFTER UPDATE ON inspections FOR EACH ROW
  WHEN (OLD.campaign_id IS DISTINCT FROM NEW.campaign_id) EXECUTE FUNCTION offender_tallies_scope_moved();
--> statement-breakpoint
SELECT offender_tallies_rebuild();
--> statement-breakpoint
ANALYZE offender_operator_tallies;
--> statement-breakpoint
ANALYZE offender_subject_tallies;
