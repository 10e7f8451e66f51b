-- mfa_take_send_slot: the atomic store of the send limits (RateLimitModule).
-- Locks the subjects' counter rows (user, number or enrolment bucket, client) in key order
-- (no deadlocks), re-reads them under the lock, and either records the send on every
-- subject or on none, answering the limit that refused and how long to wait. Called
-- inside the statement that issues a challenge (ChallengesRepository.issue), so a send is
-- admitted, counted and issued atomically on any number of instances.
-- Loaded by the migrations (CREATE OR REPLACE): change it here, then add a migration that reloads it.
-- An older migration on a fresh database then loads the newer body too, which is harmless: PL/pgSQL
-- resolves tables and columns when it runs, not when it is created. A new signature needs a new file.
CREATE OR REPLACE FUNCTION mfa_take_send_slot(
  p_subjects     text[],
  p_limit_names  text[],
  p_hourly       integer[],
  p_daily        integer[],
  p_cooldown_s   integer[],
  p_progressive  boolean[],
  p_cooldown_cap integer,
  p_now          timestamptz
) RETURNS TABLE (refused_limit text, wait_seconds integer)
LANGUAGE plpgsql AS $fn$
DECLARE
  r          record;
  i          integer;
  seen       integer;
  recent     timestamptz[];
  n_day      integer;
  n_hour     integer;
  cooldown   integer;
  wait       integer;
  worst      text;
  worst_wait integer;
  worst_i    integer;
  next_wait  integer;
  day_edge   timestamptz := p_now - interval '24 hours';
  hour_edge  timestamptz := p_now - interval '1 hour';
BEGIN
  LOOP
    seen := 0; worst := NULL; worst_wait := 0; worst_i := 0; next_wait := 0;
    FOR r IN SELECT c.subject, c.sends FROM sms_send_counters c
              WHERE c.subject = ANY (p_subjects) ORDER BY c.subject FOR UPDATE LOOP
      seen := seen + 1;
      i := array_position(p_subjects, r.subject);
      recent := ARRAY(SELECT t FROM unnest(r.sends) t WHERE t > day_edge ORDER BY t);
      n_day := coalesce(array_length(recent, 1), 0);
      n_hour := 0;
      FOR k IN REVERSE n_day .. 1 LOOP
        EXIT WHEN recent[k] <= hour_edge;
        n_hour := n_hour + 1;
      END LOOP;
      IF p_cooldown_s[i] > 0 THEN
        cooldown := p_cooldown_s[i];
        IF p_progressive[i] THEN
          cooldown := LEAST(p_cooldown_cap, cooldown * power(2, LEAST(greatest(n_day - 1, 0), 20))::integer);
        END IF;
        IF n_day > 0 THEN
          wait := ceil(extract(epoch FROM recent[n_day] + make_interval(secs => cooldown) - p_now))::integer;
          IF wait > worst_wait OR (wait = worst_wait AND i < worst_i) THEN worst := p_limit_names[i] || '_cooldown'; worst_wait := wait; worst_i := i; END IF;
        END IF;
        -- The cooldown that this send, if admitted, imposes on the next one.
        cooldown := p_cooldown_s[i];
        IF p_progressive[i] THEN
          cooldown := LEAST(p_cooldown_cap, cooldown * power(2, LEAST(n_day, 20))::integer);
        END IF;
        next_wait := GREATEST(next_wait, cooldown);
      END IF;
      IF n_hour >= p_hourly[i] THEN
        wait := ceil(extract(epoch FROM recent[n_day - n_hour + 1] + interval '1 hour' - p_now))::integer;
        IF wait > worst_wait OR (wait = worst_wait AND i < worst_i) THEN worst := p_limit_names[i] || '_hourly'; worst_wait := wait; worst_i := i; END IF;
      END IF;
      IF n_day >= p_daily[i] THEN
        wait := ceil(extract(epoch FROM recent[n_day - p_daily[i] + 1] + interval '24 hours' - p_now))::integer;
        IF wait > worst_wait OR (wait = worst_wait AND i < worst_i) THEN worst := p_limit_names[i] || '_daily'; worst_wait := wait; worst_i := i; END IF;
      END IF;
    END LOOP;
    EXIT WHEN seen = array_length(p_subjects, 1);
    -- First send for some subject: create its row, then lock and read them all again.
    INSERT INTO sms_send_counters (subject) SELECT unnest(p_subjects) ON CONFLICT DO NOTHING;
  END LOOP;
  IF worst IS NOT NULL THEN
    RETURN QUERY SELECT worst, GREATEST(worst_wait, 1);  -- refused: how long to wait
    RETURN;
  END IF;
  UPDATE sms_send_counters c
     SET sends = ARRAY(SELECT t FROM unnest(c.sends) t WHERE t > day_edge ORDER BY t) || p_now
   WHERE c.subject = ANY (p_subjects);
  RETURN QUERY SELECT NULL::text, next_wait;  -- admitted: the cooldown before the next send
END
$fn$;
