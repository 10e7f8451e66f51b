import { MigrationInterface, QueryRunner } from 'typeorm';

/** Opt-outs (STOP keywords) and per-provider send budgets shared by every instance. */
export class CreateProviderState1732636800000 implements MigrationInterface {
  name = 'CreateProviderState1732636800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_opt_outs (
        phone_e164   text PRIMARY KEY,
        opted_out_at timestamptz NOT NULL,
        keyword      text NOT NULL,
        provider     text NOT NULL
      )`);
    // One row per provider; each window is (start, count). Instances lease
    // blocks of slots under this row's lock, so a budget holds across instances.
    await q.query(`
      CREATE TABLE sms_provider_budgets (
        provider     text PRIMARY KEY,
        minute_start timestamptz NOT NULL,
        minute_count integer NOT NULL,
        hour_start   timestamptz NOT NULL,
        hour_count   integer NOT NULL,
        day_start    timestamptz NOT NULL,
        day_count    integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_provider_budgets`);
    await q.query(`DROP TABLE sms_opt_outs`);
  }
}
