"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SendSlotFromSqlFile1733328000000 = void 0;
const sql_file_1 = require("../src/database/sql-file");
class SendSlotFromSqlFile1733328000000 {
    name = 'SendSlotFromSqlFile1733328000000';
    async up(q) {
        await q.query((0, sql_file_1.sqlFile)('rate-limit/sql/mfa_take_send_slot.sql'));
    }
    async down() {
    }
}
exports.SendSlotFromSqlFile1733328000000 = SendSlotFromSqlFile1733328000000;
//# sourceMappingURL=1733328000000-SendSlotFromSqlFile.js.map