"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateAlertStates1732896000000 = void 0;
class CreateAlertStates1732896000000 {
    name = 'CreateAlertStates1732896000000';
    async up(q) {
        await q.query(`
      CREATE TABLE mfa_alert_states (
        key        text PRIMARY KEY,
        firing     boolean NOT NULL,
        since      timestamptz NOT NULL,
        value      double precision,
        updated_at timestamptz NOT NULL
      )`);
    }
    async down(q) {
        await q.query(`DROP TABLE mfa_alert_states`);
    }
}
exports.CreateAlertStates1732896000000 = CreateAlertStates1732896000000;
//# sourceMappingURL=1732896000000-CreateAlertStates.js.map