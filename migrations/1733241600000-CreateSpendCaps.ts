import { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlFile } from '../src/common/sql-file';

/**
 * Money: each send's estimated cost in the send log (the provider's reported
 * price replaces it when known), and the spend of each UTC day per scope ('*'
 * for all destinations, else a country), shared by every instance.
 *
 * `mfa_take_spend` (src/sms/pricing/sql/mfa_take_spend.sql) reserves an
 * amount on several scopes at once or on none: N parallel sends never pass a cap.
 */
export class CreateSpendCaps1733241600000 implements MigrationInterface {
  name = 'CreateSpendCaps1733241600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sms_send_log ADD COLUMN estimated_usd numeric(12, 6)`);
    await q.query(`
      CREATE TABLE sms_spend_daily (
        day       date NOT NULL,
        scope     text NOT NULL,
        spent_usd numeric(14, 6) NOT NULL DEFAULT 0,
        PRIMARY KEY (day, scope)
      )`);
    await q.query(sqlFile('sms/pricing/sql/mfa_take_spend.sql'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION mfa_take_spend`);
    await q.query(`DROP TABLE sms_spend_daily`);
    await q.query(`ALTER TABLE sms_send_log DROP COLUMN estimated_usd`);
  }
}
