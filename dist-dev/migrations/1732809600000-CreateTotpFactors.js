"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateTotpFactors1732809600000 = void 0;
class CreateTotpFactors1732809600000 {
    name = 'CreateTotpFactors1732809600000';
    async up(q) {
        await q.query(`
      CREATE TABLE mfa_totp_factors (
        id            uuid PRIMARY KEY,
        user_id       text NOT NULL,
        secret_enc    bytea NOT NULL,
        key_id        text NOT NULL,
        verified_at   timestamptz,
        created_at    timestamptz NOT NULL,
        last_used_at  timestamptz,
        last_step     bigint
      )`);
        await q.query(`CREATE INDEX mfa_totp_factors_user ON mfa_totp_factors (user_id)`);
        await q.query(`
      CREATE TABLE mfa_totp_failures (
        user_id      text PRIMARY KEY,
        consecutive  integer NOT NULL,
        locked_until timestamptz,
        updated_at   timestamptz NOT NULL
      )`);
    }
    async down(q) {
        await q.query(`DROP TABLE mfa_totp_failures`);
        await q.query(`DROP TABLE mfa_totp_factors`);
    }
}
exports.CreateTotpFactors1732809600000 = CreateTotpFactors1732809600000;
//# sourceMappingURL=1732809600000-CreateTotpFactors.js.map