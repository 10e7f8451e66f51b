import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * A login code in one statement: mfa_issue_challenges (src/sms/sql/) reads
 * the user's verified number itself, with its opt-out and country rules, so
 * the send path has no separate read before the issue. A factor records its
 * number's range (the prefix its codes are counted under for fraud
 * statistics) for that statement; factors from before learn theirs on their
 * next send (the long way, see the function).
 */
export class FoldedLoginSend1733673600000 implements MigrationInterface {
  name = 'FoldedLoginSend1733673600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mfa_sms_factors ADD COLUMN IF NOT EXISTS prefix text`);
    // Its result gained columns: a new row type is a new function.
    await q.query(`DROP FUNCTION IF EXISTS mfa_issue_challenges(jsonb)`);
    await q.query(sqlFile('sms/sql/mfa_issue_challenges.sql'));
  }

  /**
   * Nothing to undo: the previous release reads its columns of the result
   * by name and sends no lookups, so this function and the column serve it
   * as they are (and the column is what the function writes).
   */
  async down(): Promise<void> {}
}
