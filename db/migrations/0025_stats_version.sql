-- Issue #18: the dashboard's figures are kept per process under a STATS VERSION (docs/decisions/0012):
-- one counter, raised once by every transaction that changes what the stats read (a rollup row, a
-- sector's or category's label, a campaign, an operator's name). The raise is a deferred constraint
-- trigger, so it runs at the commit, as the transaction's last work: the counter's row lock is held
-- only while committing (a long import does not hold it from its first insert), and the new version
-- becomes visible in the same instant as the rows it covers.
CREATE TABLE stats_version (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO stats_version (one, version) VALUES (true, 1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction, however many rows it changed.
  IF coalesce(current_setting('rectify.stats_version_raised', true), '') <> 'on' THEN
    PERFORM set_config('rectify.stats_version_raised', 'on', true);
    UPDATE stats_version SET version = version + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_subjects AFTER INSERT OR UPDATE OR DELETE ON stats_subjects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_inspections AFTER INSERT OR UPDATE OR DELETE ON stats_inspections DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_findings AFTER INSERT OR UPDATE OR DELETE ON stats_findings DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_cases AFTER INSERT OR UPDATE OR DELETE ON stats_cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_case_flow AFTER INSERT OR UPDATE OR DELETE ON stats_case_flow DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_verify_days AFTER INSERT OR UPDATE OR DELETE ON stats_verify_days DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_store_cases AFTER INSERT OR UPDATE OR DELETE ON stats_store_cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_operator_cases AFTER INSERT OR UPDATE OR DELETE ON stats_operator_cases DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_sectors AFTER INSERT OR UPDATE OR DELETE ON sectors DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_categories AFTER INSERT OR UPDATE OR DELETE ON violation_categories DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_campaigns AFTER INSERT OR UPDATE OR DELETE ON campaigns DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER stats_version_operator_names AFTER UPDATE OF name ON operators DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION stats_version_raise();
