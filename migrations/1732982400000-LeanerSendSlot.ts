import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * Same contract as the first mfa_take_send_slot, less work per send: the
 * subjects' rows are locked and read by one query (in key order: no
 * deadlocks), and rows are inserted only for subjects seen for the first time.
 * Of refusals with equal waits, the first subject's (user, number, IP) is named.
 */
export class LeanerSendSlot1732982400000 implements MigrationInterface {
  name = 'LeanerSendSlot1732982400000';

  async up(q: QueryRunner): Promise<void> {
    // The definition now lives in the rate-limit module's file (see SendSlotFromSqlFile).
    await q.query(sqlFile('rate-limit/sql/mfa_take_send_slot.sql'));
  }

  async down(): Promise<void> {
    // CreateAbuseDefence loads the same definition: nothing to undo here.
  }
}
