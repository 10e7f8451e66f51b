import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * The send-limit function now lives with its owner, in
 * src/rate-limit/sql/mfa_take_send_slot.sql (same definition as
 * LeanerSendSlot). A later change edits that file and adds a migration like
 * this one, which loads it again.
 */
export class SendSlotFromSqlFile1733328000000 implements MigrationInterface {
  name = 'SendSlotFromSqlFile1733328000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(sqlFile('rate-limit/sql/mfa_take_send_slot.sql'));
  }

  async down(): Promise<void> {
    // The same definition as before: nothing to undo.
  }
}
