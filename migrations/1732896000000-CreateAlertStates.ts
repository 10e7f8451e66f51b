import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which alerts are firing, shared by every instance: an episode is notified once, and so is its end. */
export class CreateAlertStates1732896000000 implements MigrationInterface {
  name = 'CreateAlertStates1732896000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mfa_alert_states (
        key        text PRIMARY KEY,
        firing     boolean NOT NULL,
        since      timestamptz NOT NULL,
        value      double precision,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_alert_states`);
  }
}
