"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateSpendCaps1733241600000 = void 0;
const sql_file_1 = require("../src/database/sql-file");
class CreateSpendCaps1733241600000 {
    name = 'CreateSpendCaps1733241600000';
    async up(q) {
        await q.query(`ALTER TABLE sms_send_log ADD COLUMN estimated_usd numeric(12, 6)`);
        await q.query(`
      CREATE TABLE sms_spend_daily (
        day       date NOT NULL,
        scope     text NOT NULL,
        spent_usd numeric(14, 6) NOT NULL DEFAULT 0,
        PRIMARY KEY (day, scope)
      )`);
        await q.query((0, sql_file_1.sqlFile)('sms/pricing/sql/mfa_take_spend.sql'));
    }
    async down(q) {
        await q.query(`DROP FUNCTION mfa_take_spend`);
        await q.query(`DROP TABLE sms_spend_daily`);
        await q.query(`ALTER TABLE sms_send_log DROP COLUMN estimated_usd`);
    }
}
exports.CreateSpendCaps1733241600000 = CreateSpendCaps1733241600000;
//# sourceMappingURL=1733241600000-CreateSpendCaps.js.map