-- Issue #13, finding 10: a long transaction (a large import's apply) must not hold the audit chain's
-- lock for its whole length, or every audited write on every copy waits for it. Such a transaction
-- calls audit_defer() first: its audit events are then held in a temporary table, and
-- audit_flush_deferred() appends them to the chain (taking the lock) right before it commits.
-- Same rows, same hashes (the chain trigger computes them at the append); docs/decisions/0002.
CREATE OR REPLACE FUNCTION audit_defer() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS audit_deferred (
    n bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_user_id integer,
    actor_token_id integer,
    action text NOT NULL,
    entity_type text NOT NULL,
    entity_id text NOT NULL,
    before jsonb,
    after jsonb
  ) ON COMMIT DROP;
  PERFORM set_config('rectify.audit_deferred', 'on', true);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_flush_deferred() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  appended integer := 0;
BEGIN
  IF coalesce(current_setting('rectify.audit_deferred', true), '') <> 'on' THEN
    RETURN 0;
  END IF;
  PERFORM set_config('rectify.audit_deferred', 'off', true);
  INSERT INTO audit_events (at, actor_user_id, actor_token_id, action, entity_type, entity_id, before, after)
    SELECT at, actor_user_id, actor_token_id, action, entity_type, entity_id, before, after
      FROM pg_temp.audit_deferred ORDER BY n;
  GET DIAGNOSTICS appended = ROW_COUNT;
  DROP TABLE pg_temp.audit_deferred;
  RETURN appended;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- Held back until audit_flush_deferred() in a transaction that called audit_defer().
  IF current_setting('rectify.audit_deferred', true) = 'on' THEN
    INSERT INTO pg_temp.audit_deferred (at, actor_user_id, actor_token_id, action, entity_type, entity_id, before, after)
      VALUES (NEW.at, NEW.actor_user_id, NEW.actor_token_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.before, NEW.after);
    RETURN NULL;
  END IF;
  -- One writer at a time extends the chain; the lock is held until the writing transaction ends.
  PERFORM pg_advisory_xact_lock(7245001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
