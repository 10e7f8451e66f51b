"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeliveryChannels1733414400000 = void 0;
class DeliveryChannels1733414400000 {
    name = 'DeliveryChannels1733414400000';
    async up(q) {
        await q.query(`
      ALTER TABLE mfa_challenges
        ADD COLUMN channel text NOT NULL DEFAULT 'sms',
        ADD COLUMN locale text,
        ADD COLUMN fallback_at timestamptz`);
        await q.query(`ALTER TABLE sms_send_log ADD COLUMN channel text NOT NULL DEFAULT 'sms', ADD COLUMN reason text`);
        await q.query(`ALTER TABLE mfa_sms_factors ADD COLUMN fixed_line boolean NOT NULL DEFAULT false`);
    }
    async down(q) {
        await q.query(`ALTER TABLE mfa_sms_factors DROP COLUMN fixed_line`);
        await q.query(`ALTER TABLE sms_send_log DROP COLUMN channel, DROP COLUMN reason`);
        await q.query(`ALTER TABLE mfa_challenges DROP COLUMN channel, DROP COLUMN locale, DROP COLUMN fallback_at`);
    }
}
exports.DeliveryChannels1733414400000 = DeliveryChannels1733414400000;
//# sourceMappingURL=1733414400000-DeliveryChannels.js.map