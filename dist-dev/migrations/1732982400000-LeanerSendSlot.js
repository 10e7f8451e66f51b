"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LeanerSendSlot1732982400000 = void 0;
const sql_file_1 = require("../src/database/sql-file");
class LeanerSendSlot1732982400000 {
    name = 'LeanerSendSlot1732982400000';
    async up(q) {
        await q.query((0, sql_file_1.sqlFile)('rate-limit/sql/mfa_take_send_slot.sql'));
    }
    async down() {
    }
}
exports.LeanerSendSlot1732982400000 = LeanerSendSlot1732982400000;
//# sourceMappingURL=1732982400000-LeanerSendSlot.js.map