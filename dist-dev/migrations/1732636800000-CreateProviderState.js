"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateProviderState1732636800000 = void 0;
class CreateProviderState1732636800000 {
    name = 'CreateProviderState1732636800000';
    async up(q) {
        await q.query(`
      CREATE TABLE sms_opt_outs (
        phone_e164   text PRIMARY KEY,
        opted_out_at timestamptz NOT NULL,
        keyword      text NOT NULL,
        provider     text NOT NULL
      )`);
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
    async down(q) {
        await q.query(`DROP TABLE sms_provider_budgets`);
        await q.query(`DROP TABLE sms_opt_outs`);
    }
}
exports.CreateProviderState1732636800000 = CreateProviderState1732636800000;
//# sourceMappingURL=1732636800000-CreateProviderState.js.map