-- The two statements of a verify, for a batch (ChallengesRepository writes concurrent verifies
-- together: group commit in the application). Each function runs every item's own single-row
-- statement in turn, in arrival order (items on one user or one code included), in one
-- transaction, one result row per attempt taken or code consumed.
-- Per item, not set-based: each lookup is by the user or by the challenge's key, so its plan never
-- depends on how many items the planner guesses a batch holds, or on how fresh the statistics of
-- the live challenges are (a set-based UPDATE ... FROM measured 134 ms for 10 items on a table
-- grown since its last ANALYZE). Tests on a row found by its key are written so that the planner
-- cannot match them to a partial index (mfa_challenges_one_live, sms_send_log_provider_message)
-- and takes the key's index: on statistics taken while few rows were in the partial index it
-- otherwise scans that whole index (measured: 0.5 ms a consume at 3,000 live codes, 3 ms for the
-- delivered attempt at 9,000 sent ones).
-- (The delivered attempt's test also skips an empty message id, which no provider gives and
-- which could not be told anything.)
-- Locks: first the advisory lock of every user in the batch (the user's issue key, which
-- mfa_issue_challenges takes too), in one fixed order (their hash), then rows of those users only:
-- two batches on two instances (or a verify batch and an issue batch) take turns on the users they
-- share and never deadlock.
-- Durable (a synchronous commit): a guess counted must stay counted, and a consumed code (and the
-- assurance it raised) must never come back after a crash.
-- Loaded by the migrations (CREATE OR REPLACE): change it here, then add a migration that reloads it.

-- mfa_lock_users: the advisory lock of each user (the user's issue key, as mfa_issue_challenges
-- takes it), in one fixed order (their hash), held to the end of the transaction.
CREATE OR REPLACE FUNCTION mfa_lock_users(p_users text[]) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended('mfa-issue:' || u, 0) AS k FROM unnest(p_users) u ORDER BY 1
  ) locks;
END
$fn$;

-- mfa_take_attempts: each item (ord, userId, purpose, now, hardLimit) takes one attempt on the
-- user's newest live challenge of the purpose, while it is unexpired, has attempts left and no wait
-- (or the hard limit) holds the user's run of wrong codes. Count first, compare after: the UPDATE
-- re-checks the attempts on the row's newest version, so however many guesses race, at most
-- max_attempts of them are ever compared with one code.
CREATE OR REPLACE FUNCTION mfa_take_attempts(p_items jsonb)
RETURNS TABLE (ord integer, id uuid, user_id text, factor_id uuid, phone_e164 text, purpose text, code_hash bytea,
               expires_at timestamptz, attempts integer, max_attempts integer, created_at timestamptz,
               failures integer, locked_until timestamptz)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  it record;
BEGIN
  PERFORM mfa_lock_users(ARRAY(SELECT item->>'userId' FROM jsonb_array_elements(p_items) item));
  FOR it IN SELECT * FROM jsonb_to_recordset(p_items)
      AS x("ord" integer, "userId" text, "purpose" text, "now" timestamptz, "hardLimit" integer) ORDER BY 1
  LOOP
    RETURN QUERY
      WITH live AS (
        SELECT c.id FROM mfa_challenges c
         WHERE c.user_id = it."userId" AND c.purpose = it."purpose" AND c.consumed_at IS NULL AND c.invalidated_at IS NULL
         ORDER BY c.created_at DESC LIMIT 1
      ), run AS (
        SELECT r.consecutive, r.locked_until FROM mfa_verify_failures r WHERE r.user_id = it."userId"
      ), taken AS (
        UPDATE mfa_challenges c SET attempts = c.attempts + 1
         WHERE c.id = (SELECT live.id FROM live) AND coalesce(c.consumed_at, c.invalidated_at) IS NULL AND c.attempts < c.max_attempts AND c.expires_at > it."now"
           AND NOT EXISTS (SELECT 1 FROM run WHERE run.consecutive >= it."hardLimit" OR run.locked_until > it."now")
         RETURNING c.id, c.user_id, c.factor_id, c.phone_e164, c.purpose, c.code_hash, c.expires_at, c.attempts,
                   c.max_attempts, c.created_at
      )
      SELECT it."ord", taken.*, run.consecutive, run.locked_until FROM taken LEFT JOIN run ON true;
  END LOOP;
END
$fn$;

-- mfa_consume_challenges: each item (ord, id, now, session, expires) consumes its challenge if it is
-- still live, within its attempts and unexpired (of N consumers of one code exactly one gets a row);
-- stamps the factor's last use, ends the user's runs of wrong codes (a login code only: an enrolment
-- code proves a new number, not a factor), raises the session given one (the same raise as
-- raiseAssuranceSql in assurance.repository.ts) and reads which provider delivered the code.
CREATE OR REPLACE FUNCTION mfa_consume_challenges(p_items jsonb)
RETURNS TABLE (ord integer, methods text[], verified_at timestamptz, expires_at timestamptz, provider text,
               provider_message_id text, channel text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  it record;
BEGIN
  -- The users, from the challenges (a challenge's user never changes: read without a lock).
  PERFORM mfa_lock_users(ARRAY(
    SELECT c.user_id FROM mfa_challenges c
     WHERE c.id = ANY (ARRAY(SELECT (item->>'id')::uuid FROM jsonb_array_elements(p_items) item))));
  FOR it IN SELECT * FROM jsonb_to_recordset(p_items)
      AS x("ord" integer, "id" uuid, "now" timestamptz, "session" text, "expires" timestamptz) ORDER BY 1
  LOOP
    RETURN QUERY
      WITH consumed AS (
        UPDATE mfa_challenges c SET consumed_at = it."now"
         WHERE c.id = it."id" AND coalesce(c.consumed_at, c.invalidated_at) IS NULL AND c.attempts <= c.max_attempts AND c.expires_at > it."now"
         RETURNING c.factor_id, c.user_id, c.purpose
      ), used AS (
        UPDATE mfa_sms_factors f SET last_used_at = it."now" WHERE f.id = (SELECT factor_id FROM consumed)
      ), reset AS (
        DELETE FROM mfa_verify_failures v WHERE v.user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
      ), reset_totp AS (
        DELETE FROM mfa_totp_failures t WHERE t.user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
      ), raised AS (
        INSERT INTO mfa_assurance AS a (user_id, session_hash, methods, verified_at, expires_at)
          SELECT consumed.user_id, decode(it."session", 'base64'), ARRAY['sms'::text], it."now", it."expires"
            FROM consumed WHERE it."session" IS NOT NULL
          ON CONFLICT (user_id, session_hash) DO UPDATE SET
            methods = CASE WHEN a.expires_at > EXCLUDED.verified_at
                           THEN ARRAY(SELECT DISTINCT m FROM unnest(a.methods || EXCLUDED.methods) m ORDER BY m)
                           ELSE EXCLUDED.methods END,
            verified_at = GREATEST(a.verified_at, EXCLUDED.verified_at),
            expires_at = GREATEST(a.expires_at, EXCLUDED.expires_at)
          RETURNING a.methods, a.verified_at, a.expires_at
      )
      SELECT it."ord", raised.methods, raised.verified_at, raised.expires_at, delivered.provider,
             delivered.provider_message_id, delivered.channel
        FROM consumed LEFT JOIN raised ON true
        LEFT JOIN LATERAL (
          SELECT l.provider, l.provider_message_id, l.channel FROM sms_send_log l
           WHERE l.challenge_id = it."id" AND coalesce(l.provider_message_id, '') <> '' AND l.status IN ('queued', 'sent', 'delivered')
           ORDER BY l.attempt DESC LIMIT 1
        ) delivered ON true;
  END LOOP;
END
$fn$;
