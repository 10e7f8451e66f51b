-- mfa_issue_challenges: issues a batch of codes in one statement and one transaction
-- (CodeIssueUnit: concurrent sends written together, group commit in the application).
-- Each item (see IssueItem in code-issue.unit.ts), in arrival order, as if alone:
--   takes a send slot on its limits (mfa_take_send_slot; none for a test number's code),
--   refusing without writing anything; kills the user's live challenge of the purpose; for
--   an enrolment creates the number's factor and drops the user's other unverified ones;
--   inserts the challenge and opens its first send attempt.
-- A login code may name no number ("lookup": the send's one statement): the item's number is
--   the user's verified factor, read here with its opt-out and its country's rules, and the
--   subject of its phone limit names that number ('<factor>' in it, FACTOR_PHONE in
--   code-issue.unit.ts, replaced). When the factor is missing, is not the number the
--   request named, is a fixed line asked for a text, is opted out, is a test number, has no
--   recorded range, or its country may not be sent to (the rule of country-policy.ts,
--   assertCountryAllowed, mirrored: block list first, then the allow list), nothing is written
--   and the item answers `unscreened`: the caller reads the factor and screens it itself, the
--   long way, whose refusals are the client's.
-- Every login code takes its user's factor lock too (userFactorsLock in advisory-lock.ts, held
--   by every change to a user's factors), and its factor is checked again once the locks are
--   held: a number replaced or removed since it was read (by this statement's lookup, or by the
--   long way's read) gets no code (`unscreened`, nothing written).
-- Every item has its own result row: an admission, a refusal (the limit and the wait),
-- `unscreened`, or the SQLSTATE of an error, which undoes that item only (its own subtransaction).
-- Locks: first every advisory lock the batch needs (each limit subject, each user's code key
-- and a login code's user's factor key: userCodesLock and userFactorsLock in advisory-lock.ts,
-- which a GDPR erase takes too), in one fixed order (their hash), so that two batches on two
-- instances take turns on what they share and never deadlock. A lone send locks the same keys
-- the same way.
-- Durable (a synchronous commit): the limits and the code a user is about to receive must
-- survive a crash before the provider is called.
-- Loaded by the migrations (CREATE OR REPLACE): change it here, then add a migration that reloads it.
CREATE OR REPLACE FUNCTION mfa_issue_challenges(p_items jsonb)
RETURNS TABLE (ord integer, attempt_id bigint, factor_id uuid, refused_limit text, wait_seconds integer, error_state text,
               unscreened boolean, phone text, country text, prefix text)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_items   jsonb;
  it        record;
  v_refused text;
  v_wait    integer;
  v_factor  uuid;
  v_attempt bigint;
BEGIN
  SELECT jsonb_agg(CASE
           WHEN NOT coalesce((item->>'lookup')::boolean, false) THEN item
           WHEN f.sendable IS NOT TRUE THEN item || '{"unscreened": true}'
           ELSE item || jsonb_build_object(
             'factorId', f.id, 'phone', f.phone_e164, 'country', f.country, 'prefix', f.prefix,
             'subjects', (SELECT jsonb_agg(CASE WHEN item->'limitNames'->>(n::int - 1) = 'phone'
                                                THEN replace(s, '<factor>', f.phone_e164) ELSE s END ORDER BY n)
                            FROM jsonb_array_elements_text(item->'subjects') WITH ORDINALITY subject(s, n)))
         END)
    INTO v_items
    FROM jsonb_array_elements(p_items) item
    LEFT JOIN LATERAL (
      SELECT v.id, v.phone_e164, v.country, v.prefix,
             v.prefix IS NOT NULL
             AND coalesce(item->>'requestedPhone' = v.phone_e164, true)
             AND NOT (v.fixed_line AND item->>'channel' <> 'voice')
             AND NOT coalesce(item->'testNumbers' ? v.phone_e164, false)
             AND NOT EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone_e164 = v.phone_e164)
             AND rule.action IS DISTINCT FROM 'block'
             AND (rule.action IS NOT DISTINCT FROM 'allow' OR NOT EXISTS (SELECT 1 FROM sms_country_rules r WHERE r.action = 'allow'))
               AS sendable
        FROM mfa_sms_factors v
        LEFT JOIN sms_country_rules rule ON rule.country = v.country
       WHERE coalesce((item->>'lookup')::boolean, false) AND v.user_id = item->>'userId' AND v.verified_at IS NOT NULL
       ORDER BY v.verified_at DESC LIMIT 1) f ON true;
  PERFORM pg_advisory_xact_lock(k) FROM (
    SELECT DISTINCT hashtextextended(key, 0) AS k
      FROM jsonb_array_elements(v_items) item,
           LATERAL (SELECT jsonb_array_elements_text(item->'subjects')
                    UNION ALL SELECT 'mfa-issue:' || (item->>'userId')
                    UNION ALL SELECT 'mfa-factors:' || (item->>'userId') WHERE item->>'purpose' = 'login') keys(key)
     WHERE NOT coalesce((item->>'unscreened')::boolean, false)
     ORDER BY 1) locks;
  FOR it IN SELECT * FROM jsonb_to_recordset(v_items) AS x(
      "ord" integer, "id" uuid, "userId" text, "factorId" uuid, "newFactorId" uuid, "phone" text, "purpose" text,
      "codeHash" text, "expiresAt" timestamptz, "maxAttempts" integer, "clientIp" text, "country" text, "prefix" text,
      "channel" text, "locale" text, "fixedLine" boolean, "provider" text, "status" text, "reason" text,
      "subjects" text[], "limitNames" text[], "hourly" integer[], "daily" integer[], "cooldownSeconds" integer[],
      "progressive" boolean[], "cooldownCap" integer, "now" timestamptz, "unscreened" boolean)
    ORDER BY 1
  LOOP
    IF it."unscreened" OR (it."purpose" = 'login' AND NOT EXISTS (
         SELECT 1 FROM mfa_sms_factors f
          WHERE f.id = it."factorId" AND f.user_id = it."userId" AND f.phone_e164 = it."phone" AND f.verified_at IS NOT NULL)) THEN
      RETURN QUERY SELECT it."ord", NULL::bigint, NULL::uuid, NULL::text, 0, NULL::text, true, NULL::text, NULL::text, NULL::text;
      CONTINUE;
    END IF;
    BEGIN
      v_refused := NULL; v_wait := 0;
      IF it."subjects" IS NOT NULL THEN
        SELECT s.refused_limit, s.wait_seconds INTO v_refused, v_wait
          FROM mfa_take_send_slot(it."subjects", it."limitNames", it."hourly", it."daily", it."cooldownSeconds",
                                  it."progressive", it."cooldownCap", it."now") s;
        IF v_refused IS NOT NULL THEN
          RETURN QUERY SELECT it."ord", NULL::bigint, NULL::uuid, v_refused, v_wait, NULL::text, false, NULL::text, NULL::text, NULL::text;
          CONTINUE;
        END IF;
      END IF;
      UPDATE mfa_challenges c SET invalidated_at = it."now"
       WHERE c.user_id = it."userId" AND c.purpose = it."purpose" AND c.consumed_at IS NULL AND c.invalidated_at IS NULL;
      v_factor := it."factorId";
      IF it."newFactorId" IS NOT NULL THEN
        INSERT INTO mfa_sms_factors AS f (id, user_id, phone_e164, country, created_at, fixed_line, prefix)
        VALUES (it."newFactorId", it."userId", it."phone", it."country", it."now", it."fixedLine", it."prefix")
        ON CONFLICT ON CONSTRAINT mfa_sms_factors_user_phone
          DO UPDATE SET country = EXCLUDED.country, fixed_line = EXCLUDED.fixed_line, prefix = EXCLUDED.prefix
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
      RETURN QUERY SELECT it."ord", v_attempt, v_factor, NULL::text, v_wait, NULL::text, false, it."phone", it."country", it."prefix";
    EXCEPTION WHEN OTHERS THEN
      RETURN QUERY SELECT it."ord", NULL::bigint, NULL::uuid, NULL::text, 0, SQLSTATE::text, false, NULL::text, NULL::text, NULL::text;
    END;
  END LOOP;
END
$fn$;
