"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateAssuranceAndRecoveryCodes1733068800000 = void 0;
class CreateAssuranceAndRecoveryCodes1733068800000 {
    name = 'CreateAssuranceAndRecoveryCodes1733068800000';
    async up(q) {
        await q.query(`
      CREATE TABLE mfa_assurance (
        user_id      text NOT NULL,
        session_hash bytea NOT NULL,
        methods      text[] NOT NULL,
        verified_at  timestamptz NOT NULL,
        expires_at   timestamptz NOT NULL,
        PRIMARY KEY (user_id, session_hash)
      )`);
        await q.query(`CREATE INDEX mfa_assurance_expires ON mfa_assurance (expires_at)`);
        await q.query(`
      CREATE TABLE mfa_recovery_codes (
        user_id    text NOT NULL,
        set_id     uuid NOT NULL,
        code_hash  bytea NOT NULL,
        created_at timestamptz NOT NULL,
        used_at    timestamptz,
        PRIMARY KEY (user_id, code_hash)
      )`);
        await q.query(`CREATE INDEX mfa_recovery_codes_set ON mfa_recovery_codes (set_id)`);
    }
    async down(q) {
        await q.query(`DROP TABLE mfa_recovery_codes`);
        await q.query(`DROP TABLE mfa_assurance`);
    }
}
exports.CreateAssuranceAndRecoveryCodes1733068800000 = CreateAssuranceAndRecoveryCodes1733068800000;
//# sourceMappingURL=1733068800000-CreateAssuranceAndRecoveryCodes.js.map