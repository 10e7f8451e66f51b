import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session assurance (which sessions have shown a second factor, how and when)
 * and recovery codes (keyed hashes only).
 *
 * Sessions are keyed by a SHA-256 of the host's session id: a host may use a
 * bearer secret as its session id, and nothing here should be able to replay it.
 */
export class CreateAssuranceAndRecoveryCodes1733068800000 implements MigrationInterface {
  name = 'CreateAssuranceAndRecoveryCodes1733068800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_assurance (
        user_id      text NOT NULL,
        session_hash bytea NOT NULL,
        methods      text[] NOT NULL,
        verified_at  timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        PRIMARY KEY (user_id, session_hash)
      )`);
    await q.query(`CREATE INDEX mfa_assurance_expires ON mfa_assurance (expires_at)`);
    await q.query(`
      CREATE TABLE mfa_recovery_codes (
        user_id    text NOT NULL,
        set_id     uuid NOT NULL,
        code_hash  bytea NOT NULL,
        created_at timestamptz NOT NULL,
        used_at    timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
    await q.query(`CREATE INDEX mfa_recovery_codes_set ON mfa_recovery_codes (set_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_recovery_codes`);
    await q.query(`DROP TABLE mfa_assurance`);
  }
}
