-- mfa_take_spend: reserves an amount on several spend scopes ('*', a country) of one UTC
-- day, or on none: locks the day's rows in key order, re-reads them under the lock and
-- refuses, naming the first scope the amount would take past its cap, without recording
-- anything. Loaded by the migrations (CREATE OR REPLACE).
CREATE OR REPLACE FUNCTION mfa_take_spend(p_day date, p_scopes text[], p_caps numeric[], p_amount numeric)
RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  refused text;
BEGIN
  INSERT INTO sms_spend_daily (day, scope) SELECT p_day, unnest(p_scopes) ON CONFLICT DO NOTHING;
  PERFORM 1 FROM sms_spend_daily WHERE day = p_day AND scope = ANY (p_scopes) ORDER BY scope FOR UPDATE;
  SELECT s.scope INTO refused
    FROM sms_spend_daily s JOIN unnest(p_scopes, p_caps) AS c(scope, cap) ON c.scope = s.scope
   WHERE s.day = p_day AND s.spent_usd + p_amount > c.cap
   ORDER BY array_position(p_scopes, s.scope) LIMIT 1;
  IF refused IS NOT NULL THEN
    RETURN refused;
  END IF;
  UPDATE sms_spend_daily SET spent_usd = spent_usd + p_amount WHERE day = p_day AND scope = ANY (p_scopes);
  RETURN NULL;
END
$fn$;
