-- The stats version (0025) also carries a random token, replaced at every raise, so that a version names one
-- committed state even across a restore: a backup brings its counter back, and the writes after it would
-- raise the counter to numbers a running copy may have cached other figures under; their tokens are new.
ALTER TABLE stats_version ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stats_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction, however many rows it changed.
  IF coalesce(current_setting('rectify.stats_version_raised', true), '') <> 'on' THEN
    PERFORM set_config('rectify.stats_version_raised', 'on', true);
    UPDATE stats_version SET version = version + 1, token = gen_random_uuid();
  END IF;
  RETURN NULL;
END
$$;
