import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money: each send's estimated cost in the send log (the provider's reported
 * price replaces it when known), and the spend of each UTC day per scope ('*'
 * for all destinations, else a country), shared by every instance.
 *
 * `mfa_take_spend` reserves an amount on several scopes at once or on none:
 * it locks the day's rows in key order (no deadlocks), re-reads them under the
 * lock and refuses, naming the first scope that the amount would take past its
 * cap, without recording anything. N parallel sends never pass a cap.
 */
export class CreateSpendCaps1733241600000 implements MigrationInterface {
  name = 'CreateSpendCaps1733241600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sms_send_log ADD COLUMN estimated_usd numeric(12, 6)`);
    await q.query(`
      CREATE TABLE sms_spend_daily (
        day       date NOT NULL,
        scope     text NOT NULL,
        spent_usd numeric(14, 6) NOT NULL DEFAULT 0,
        PRIMARY KEY (day, scope)
      )`);
    await q.query(`
      CREATE FUNCTION mfa_take_spend(p_day date, p_scopes text[], p_caps numeric[], p_amount numeric)
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
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION mfa_take_spend`);
    await q.query(`DROP TABLE sms_spend_daily`);
    await q.query(`ALTER TABLE sms_send_log DROP COLUMN estimated_usd`);
  }
}
