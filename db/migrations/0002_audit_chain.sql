-- The audit trail is append-only and hash-chained.
-- audit_canonical() is the one definition of the text each link hashes; audit:verify reuses it.
CREATE OR REPLACE FUNCTION audit_canonical(e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object(
    'seq', e.seq,
    'at', (extract(epoch FROM e.at) * 1000000)::bigint,
    'actorUserId', e.actor_user_id,
    'actorTokenId', e.actor_token_id,
    'action', e.action,
    'entityType', e.entity_type,
    'entityId', e.entity_id,
    'before', e.before,
    'after', e.after
  )::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_chain_append() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time extends the chain; the lock is held until the writing transaction ends.
  PERFORM pg_advisory_xact_lock(7245001);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
