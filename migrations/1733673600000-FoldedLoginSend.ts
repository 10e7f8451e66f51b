import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * A login code in one statement: mfa_issue_challenges (src/sms/sql/) reads
 * the user's verified number itself, with its opt-out and country rules, so
 * the send path has no separate read before the issue. A factor records its
 * number's range (the prefix its codes are counted under for fraud
 * statistics) for that statement. A factor without one (from before, or
 * written by an instance of the previous release during a rolling deploy)
 * takes the long way, with the same outcome, and learns it there
 * (SmsFactorsRepository.recordPrefix: the range is libphonenumber's split of
 * the number, which SQL cannot do).
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
   * as they are (the column is what the function writes). One difference it
   * would meet: a login code whose number was replaced while it was issued
   * comes back `unscreened`, with no challenge written, which that release
   * takes for an admission: it would send a code that nothing can verify.
   */
  async down(): Promise<void> {}
}
