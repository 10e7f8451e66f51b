import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits, verification lockouts, country rules and fraud events.
 *
 * `mfa_take_send_slot` is the atomic store of the send limits: it locks the
 * subjects' counter rows (user, number, IP) in key order, re-reads them under
 * the lock, and either records the send on all of them or on none. Called
 * inside the statement that issues a challenge, so a send is admitted, counted
 * and issued atomically — N parallel requests can never exceed a limit, on
 * any number of instances.
 */
export class CreateAbuseDefence1732723200000 implements MigrationInterface {
  name = 'CreateAbuseDefence1732723200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_send_counters (
        subject text PRIMARY KEY,
        sends   timestamptz[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE FUNCTION mfa_take_send_slot(
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
        i          integer;
        recent     timestamptz[];
        n_day      integer;
        n_hour     integer;
        cooldown   integer;
        wait       integer;
        worst      text := NULL;
        worst_wait integer := 0;
        next_wait  integer := 0;
      BEGIN
        INSERT INTO sms_send_counters (subject) SELECT unnest(p_subjects) ON CONFLICT DO NOTHING;
        -- Locks in key order: two requests sharing subjects never deadlock. After
        -- the lock, each statement below sees every committed send.
        PERFORM 1 FROM sms_send_counters WHERE subject = ANY (p_subjects) ORDER BY subject FOR UPDATE;
        FOR i IN 1 .. array_length(p_subjects, 1) LOOP
          SELECT ARRAY(SELECT t FROM unnest(c.sends) t WHERE t > p_now - interval '24 hours' ORDER BY t)
            INTO recent FROM sms_send_counters c WHERE c.subject = p_subjects[i];
          n_day := coalesce(array_length(recent, 1), 0);
          n_hour := (SELECT count(*) FROM unnest(recent) t WHERE t > p_now - interval '1 hour');
          IF n_day > 0 AND p_cooldown_s[i] > 0 THEN
            cooldown := p_cooldown_s[i];
            IF p_progressive[i] THEN
              cooldown := LEAST(p_cooldown_cap, cooldown * power(2, LEAST(n_day - 1, 20))::integer);
            END IF;
            wait := ceil(extract(epoch FROM recent[n_day] + make_interval(secs => cooldown) - p_now))::integer;
            IF wait > worst_wait THEN worst := p_limit_names[i] || '_cooldown'; worst_wait := wait; END IF;
          END IF;
          -- The cooldown that this send, if admitted, imposes on the next one.
          IF p_cooldown_s[i] > 0 THEN
            cooldown := p_cooldown_s[i];
            IF p_progressive[i] THEN
              cooldown := LEAST(p_cooldown_cap, cooldown * power(2, LEAST(n_day, 20))::integer);
            END IF;
            next_wait := GREATEST(next_wait, cooldown);
          END IF;
          IF n_hour >= p_hourly[i] THEN
            wait := ceil(extract(epoch FROM recent[n_day - n_hour + 1] + interval '1 hour' - p_now))::integer;
            IF wait > worst_wait THEN worst := p_limit_names[i] || '_hourly'; worst_wait := wait; END IF;
          END IF;
          IF n_day >= p_daily[i] THEN
            wait := ceil(extract(epoch FROM recent[n_day - p_daily[i] + 1] + interval '24 hours' - p_now))::integer;
            IF wait > worst_wait THEN worst := p_limit_names[i] || '_daily'; worst_wait := wait; END IF;
          END IF;
        END LOOP;
        IF worst IS NOT NULL THEN
          RETURN QUERY SELECT worst, GREATEST(worst_wait, 1);  -- refused: how long to wait
          RETURN;
        END IF;
        -- Admitted: record the send on every subject (and forget sends older than a day).
        UPDATE sms_send_counters c
           SET sends = ARRAY(SELECT t FROM unnest(c.sends) t WHERE t > p_now - interval '24 hours' ORDER BY t) || p_now
         WHERE c.subject = ANY (p_subjects);
        RETURN QUERY SELECT NULL::text, next_wait;  -- admitted: the cooldown before the next send
      END
      $fn$`);

    await q.query(`
      CREATE TABLE mfa_verify_failures (
        user_id      text PRIMARY KEY,
        consecutive  integer NOT NULL,
        locked_until timestamptz,
        updated_at   timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE TABLE sms_country_rules (
        country    char(2) PRIMARY KEY,
        action     text NOT NULL CHECK (action IN ('allow', 'block')),
        reason     text,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE sms_country_rule_changes (
        id         bigserial PRIMARY KEY,
        country    char(2) NOT NULL,
        action     text,
        reason     text,
        changed_at timestamptz NOT NULL,
        changed_by text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE sms_fraud_events (
        id           bigserial PRIMARY KEY,
        rule         text NOT NULL,
        action       text NOT NULL CHECK (action IN ('blocked', 'monitored')),
        masked_phone text NOT NULL,
        prefix       text NOT NULL,
        country      char(2),
        user_id      text,
        client_ip    text,
        detail       text,
        created_at   timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sms_fraud_events_created ON sms_fraud_events (created_at DESC)`);
    await q.query(`CREATE INDEX sms_fraud_events_rule ON sms_fraud_events (rule, created_at DESC)`);

    // Fraud statistics per number prefix and country read the challenges.
    await q.query(`ALTER TABLE mfa_challenges ADD COLUMN prefix text, ADD COLUMN country char(2)`);
    await q.query(`CREATE INDEX mfa_challenges_prefix_created ON mfa_challenges (prefix, created_at)`);
    await q.query(`CREATE INDEX mfa_challenges_country_created ON mfa_challenges (country, created_at)`);
    await q.query(`CREATE INDEX mfa_challenges_ip_created ON mfa_challenges (client_ip, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mfa_challenges_ip_created`);
    await q.query(`DROP INDEX mfa_challenges_country_created`);
    await q.query(`DROP INDEX mfa_challenges_prefix_created`);
    await q.query(`ALTER TABLE mfa_challenges DROP COLUMN prefix, DROP COLUMN country`);
    await q.query(`DROP TABLE sms_fraud_events`);
    await q.query(`DROP TABLE sms_country_rule_changes`);
    await q.query(`DROP TABLE sms_country_rules`);
    await q.query(`DROP TABLE mfa_verify_failures`);
    await q.query(`DROP FUNCTION mfa_take_send_slot`);
    await q.query(`DROP TABLE sms_send_counters`);
  }
}
