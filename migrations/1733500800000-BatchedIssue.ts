import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * Codes are issued in batches: mfa_issue_challenges (src/sms/sql/) takes the
 * concurrent issues of one instance in one statement, each item as if alone.
 */
export class BatchedIssue1733500800000 implements MigrationInterface {
  name = 'BatchedIssue1733500800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(sqlFile('sms/sql/mfa_issue_challenges.sql'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS mfa_issue_challenges(jsonb)`);
  }
}
