"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateSmsCore1732550400000 = void 0;
class CreateSmsCore1732550400000 {
    name = 'CreateSmsCore1732550400000';
    async up(q) {
        await q.query(`
      CREATE TABLE mfa_sms_factors (
        id            uuid PRIMARY KEY,
        user_id       text NOT NULL,
        phone_e164    text NOT NULL,
        country       char(2),
        verified_at   timestamptz,
        created_at    timestamptz NOT NULL,
        last_used_at  timestamptz,
        CONSTRAINT mfa_sms_factors_user_phone UNIQUE (user_id, phone_e164)
      )`);
        await q.query(`
      CREATE TABLE mfa_challenges (
        id             uuid PRIMARY KEY,
        user_id        text NOT NULL,
        factor_id      uuid REFERENCES mfa_sms_factors (id) ON DELETE CASCADE,
        phone_e164     text NOT NULL,
        purpose        text NOT NULL CHECK (purpose IN ('enroll', 'login')),
        code_hash      bytea NOT NULL,
        expires_at     timestamptz NOT NULL,
        attempts       integer NOT NULL DEFAULT 0,
        max_attempts   integer NOT NULL,
        consumed_at    timestamptz,
        invalidated_at timestamptz,
        client_ip      text,
        created_at     timestamptz NOT NULL
      )`);
        await q.query(`
      ALTER TABLE mfa_challenges ADD CONSTRAINT mfa_challenges_one_live
        EXCLUDE USING btree (user_id WITH =, purpose WITH =)
        WHERE (consumed_at IS NULL AND invalidated_at IS NULL)
        DEFERRABLE INITIALLY DEFERRED`);
        await q.query(`CREATE INDEX mfa_challenges_user_created ON mfa_challenges (user_id, created_at)`);
        await q.query(`
      CREATE TABLE sms_send_log (
        id                  bigserial PRIMARY KEY,
        challenge_id        uuid REFERENCES mfa_challenges (id) ON DELETE SET NULL,
        user_id             text,
        provider            text NOT NULL,
        attempt             smallint NOT NULL,
        status              text NOT NULL,
        provider_message_id text,
        error_code          text,
        error_kind          text,
        failover_to         text,
        latency_ms          integer,
        segments            smallint,
        encoding            text,
        price               numeric(12, 6),
        currency            char(3),
        country             char(2),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        delivered_at        timestamptz
      )`);
        await q.query(`
      CREATE UNIQUE INDEX sms_send_log_provider_message ON sms_send_log (provider, provider_message_id)
        WHERE provider_message_id IS NOT NULL`);
        await q.query(`CREATE INDEX sms_send_log_challenge ON sms_send_log (challenge_id)`);
        await q.query(`CREATE INDEX sms_send_log_created ON sms_send_log (created_at)`);
    }
    async down(q) {
        await q.query(`DROP TABLE sms_send_log`);
        await q.query(`DROP TABLE mfa_challenges`);
        await q.query(`DROP TABLE mfa_sms_factors`);
    }
}
exports.CreateSmsCore1732550400000 = CreateSmsCore1732550400000;
//# sourceMappingURL=1732550400000-CreateSmsCore.js.map