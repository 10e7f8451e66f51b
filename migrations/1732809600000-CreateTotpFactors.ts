import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP factors. The secret is stored encrypted (AES-256-GCM), with the id of
 * the key that encrypted it so keys can rotate. `last_step` makes a code
 * single-use: a step at or below it is a replay.
 */
export class CreateTotpFactors1732809600000 implements MigrationInterface {
  name = 'CreateTotpFactors1732809600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_totp_factors (
        id            uuid PRIMARY KEY,
        user_id       text NOT NULL,
        secret_enc    bytea NOT NULL,
        key_id        text NOT NULL,
        verified_at   timestamptz,
        created_at    timestamptz NOT NULL,
        last_used_at  timestamptz,
        last_step     bigint
      )`);
    await q.query(`CREATE INDEX mfa_totp_factors_user ON mfa_totp_factors (user_id)`);
    await q.query(`
      CREATE TABLE mfa_totp_failures (
        user_id      text PRIMARY KEY,
        consecutive  integer NOT NULL,
        locked_until timestamptz,
        updated_at   timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_totp_failures`);
    await q.query(`DROP TABLE mfa_totp_factors`);
  }
}
