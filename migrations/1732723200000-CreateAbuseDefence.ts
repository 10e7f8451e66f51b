import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

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
    // Its body is the rate-limit module's file, as every migration that (re)loads it.
    await q.query(sqlFile('rate-limit/sql/mfa_take_send_slot.sql'));

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
