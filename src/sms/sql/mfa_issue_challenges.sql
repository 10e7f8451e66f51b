-- mfa_issue_challenges: issues a batch of codes in one statement and one transaction
-- (CodeIssueUnit: concurrent sends written together, group commit in the application).
-- Each item (see IssueItem in code-issue.unit.ts), in arrival order, as if alone:
--   takes a send slot on its limits (mfa_take_send_slot; none for a test number's code),
--   refusing without writing anything; kills the user's live challenge of the purpose; for
--   an enrolment creates the number's factor and drops the user's other unverified ones;
--   inserts the challenge and opens its first send attempt.
-- Every item has its own result row: an admission, a refusal (the limit and the wait), or
-- the SQLSTATE of an error, which undoes that item only (its own subtransaction).
-- Locks: first every advisory lock the batch needs (each limit subject, each user's issue
-- key), in one fixed order (their hash), so that two batches on two instances take turns
-- on what they share and never deadlock. A lone send locks the same keys the same way.
-- Durable (a synchronous commit): the limits and the code a user is about to receive must
-- survive a crash before the provider is called.
-- Loaded by the migrations (CREATE OR REPLACE): change it here, then add a migration that reloads it.
CREATE OR REPLACE FUNCTION mfa_issue_challenges(p_items jsonb)
RETURNS TABLE (ord integer, attempt_id bigint, factor_id uuid, refused_limit text, wait_seconds integer, error_state text)
LANGUAGE plpgsql AS $fn$
DECLARE
  it        record;
  v_refused text;
  v_wait    integer;
  v_factor  uuid;
  v_attempt bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended(key, 0) AS k
      FROM jsonb_array_elements(p_items) item,
           LATERAL (SELECT jsonb_array_elements_text(item->'subjects') UNION ALL SELECT 'mfa-issue:' || (item->>'userId')) keys(key)
     ORDER BY 1) locks;
  FOR it IN SELECT * FROM jsonb_to_recordset(p_items) AS x(
      "ord" integer, "id" uuid, "userId" text, "factorId" uuid, "newFactorId" uuid, "phone" text, "purpose" text,
      "codeHash" text, "expiresAt" timestamptz, "maxAttempts" integer, "clientIp" text, "country" text, "prefix" text,
      "channel" text, "locale" text, "fixedLine" boolean, "provider" text, "status" text, "reason" text,
      "subjects" text[], "limitNames" text[], "hourly" integer[], "daily" integer[], "cooldownSeconds" integer[],
      "progressive" boolean[], "cooldownCap" integer, "now" timestamptz)
    ORDER BY 1
  LOOP
    BEGIN
      v_refused := NULL; v_wait := 0;
      IF it."subjects" IS NOT NULL THEN
        SELECT s.refused_limit, s.wait_seconds INTO v_refused, v_wait
          FROM mfa_take_send_slot(it."subjects", it."limitNames", it."hourly", it."daily", it."cooldownSeconds",
                                  it."progressive", it."cooldownCap", it."now") s;
        IF v_refused IS NOT NULL THEN
          RETURN QUERY SELECT it."ord", NULL::bigint, NULL::uuid, v_refused, v_wait, NULL::text;
          CONTINUE;
        END IF;
      END IF;
      UPDATE mfa_challenges c SET invalidated_at = it."now"
       WHERE c.user_id = it."userId" AND c.purpose = it."purpose" AND c.consumed_at IS NULL AND c.invalidated_at IS NULL;
      v_factor := it."factorId";
      IF it."newFactorId" IS NOT NULL THEN
        INSERT INTO mfa_sms_factors AS f (id, user_id, phone_e164, country, created_at, fixed_line)
        VALUES (it."newFactorId", it."userId", it."phone", it."country", it."now", it."fixedLine")
        ON CONFLICT ON CONSTRAINT mfa_sms_factors_user_phone
          DO UPDATE SET country = EXCLUDED.country, fixed_line = EXCLUDED.fixed_line
        RETURNING f.id INTO v_factor;
        DELETE FROM mfa_sms_factors f
         WHERE f.user_id = it."userId" AND f.verified_at IS NULL AND f.phone_e164 <> it."phone";
      END IF;
      INSERT INTO mfa_challenges
        (id, user_id, factor_id, phone_e164, purpose, code_hash, expires_at, max_attempts, client_ip, created_at, country,
         prefix, channel, locale)
      VALUES (it."id", it."userId", v_factor, it."phone", it."purpose", decode(it."codeHash", 'base64'), it."expiresAt",
              it."maxAttempts", it."clientIp", it."now", it."country", it."prefix", it."channel", it."locale");
      INSERT INTO sms_send_log AS l (challenge_id, user_id, provider, attempt, status, country, channel, reason, delivered_at)
      VALUES (it."id", it."userId", it."provider", 1, it."status", it."country", it."channel", it."reason",
              CASE WHEN it."status" = 'delivered' THEN it."now" END)
      RETURNING l.id INTO v_attempt;
      RETURN QUERY SELECT it."ord", v_attempt, v_factor, NULL::text, v_wait, NULL::text;
    EXCEPTION WHEN OTHERS THEN
      RETURN QUERY SELECT it."ord", NULL::bigint, NULL::uuid, NULL::text, 0, SQLSTATE::text;
    END;
  END LOOP;
END
$fn$;
