import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * Verifies are written in batches: mfa_take_attempts and
 * mfa_consume_challenges (src/challenges/sql/) take the
 * concurrent verifies of one instance in one statement each.
 *
 * Live challenges are found by their user (the exclusion constraint's index
 * on user and purpose) or their key: a removed number's live codes by user
 * and factor. The index on the live challenges' factor goes: on a table that
 * grew faster than its statistics the planner took it for the user's live
 * code and scanned every live challenge (measured: 2 ms an issue instead of
 * 0.1).
 */
export class BatchedVerify1733587200000 implements MigrationInterface {
  name = 'BatchedVerify1733587200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS mfa_challenges_live_factor`);
    await q.query(sqlFile('challenges/sql/mfa_verify_batches.sql'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS mfa_consume_challenges(jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS mfa_take_attempts(jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS mfa_lock_users(text[])`);
    await q.query(`
      CREATE INDEX mfa_challenges_live_factor ON mfa_challenges (factor_id)
       WHERE consumed_at IS NULL AND invalidated_at IS NULL`);
  }
}
