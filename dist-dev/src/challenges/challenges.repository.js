"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChallengesRepository = exports.ConcurrentChallengeError = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../assurance/assurance.repository");
const mfa_db_1 = require("../database/mfa-db");
const advisory_lock_1 = require("../database/advisory-lock");
const named_sql_1 = require("../database/named-sql");
const purge_1 = require("../database/purge");
class ConcurrentChallengeError extends Error {
}
exports.ConcurrentChallengeError = ConcurrentChallengeError;
const EXCLUSION_VIOLATION = '23P01';
const LIVE = 'consumed_at IS NULL AND invalidated_at IS NULL';
const challengeCtes = (admitted) => `killed AS (
         UPDATE mfa_challenges SET invalidated_at = :now
          WHERE user_id = :userId AND purpose = :purpose AND ${LIVE} AND ${admitted}
       ), factor AS (
         INSERT INTO mfa_sms_factors (id, user_id, phone_e164, country, created_at, fixed_line)
         SELECT :newFactorId, :userId, :phone, :country, :now, :fixedLine WHERE :newFactorId::uuid IS NOT NULL AND ${admitted}
         ON CONFLICT ON CONSTRAINT mfa_sms_factors_user_phone
           DO UPDATE SET country = EXCLUDED.country, fixed_line = EXCLUDED.fixed_line
         RETURNING id
       ), issued AS (
         INSERT INTO mfa_challenges
           (id, user_id, factor_id, phone_e164, purpose, code_hash, expires_at, max_attempts, client_ip, created_at, country,
            prefix, channel, locale)
         SELECT :id, :userId, COALESCE((SELECT id FROM factor), :factorId::uuid), :phone, :purpose, :codeHash, :expiresAt,
                :maxAttempts, :clientIp, :now, :country, :prefix, :channel, :locale
          WHERE ${admitted}
         RETURNING id, factor_id
       )`;
const ISSUE_SQL = `WITH slot AS (
         SELECT * FROM mfa_take_send_slot(:subjects::text[], :limitNames::text[], :hourly::int[], :daily::int[],
                                          :cooldownSeconds::int[], :progressive::boolean[], :cooldownCap, :now)
       ), admitted AS (
         SELECT NOT EXISTS (SELECT 1 FROM slot WHERE refused_limit IS NOT NULL) AS ok
       ), ${challengeCtes('(SELECT ok FROM admitted)')}, dropped AS (
         DELETE FROM mfa_sms_factors
          WHERE :newFactorId::uuid IS NOT NULL AND user_id = :userId AND verified_at IS NULL AND phone_e164 <> :phone
            AND (SELECT ok FROM admitted)
       ), attempt AS (
         INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, channel, reason)
         SELECT id, :userId, :firstProvider, 1, 'sending', :country, :channel, :reason FROM issued
         RETURNING id
       )
       SELECT (SELECT id FROM attempt) AS attempt_id, (SELECT factor_id FROM issued) AS factor_id,
              slot.refused_limit, slot.wait_seconds FROM slot`;
const ISSUE_FIXED_SQL = `WITH ${challengeCtes('true')}, logged AS (
         INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, delivered_at, channel)
         SELECT id, :userId, 'TEST', 1, 'delivered', :country, :now, :channel FROM issued
       )
       SELECT factor_id FROM issued`;
function challengeValues(c) {
    return {
        id: c.id,
        userId: c.userId,
        factorId: c.factorId ?? null,
        newFactorId: c.newFactorId ?? null,
        phone: c.phoneE164,
        purpose: c.purpose,
        codeHash: c.codeHash,
        expiresAt: c.expiresAt,
        maxAttempts: c.maxAttempts,
        clientIp: c.clientIp ?? null,
        now: c.createdAt,
        country: c.country ?? null,
        prefix: c.prefix,
        channel: c.channel,
        locale: c.locale ?? null,
        fixedLine: c.fixedLine,
    };
}
function asConcurrent(err) {
    if (err.code === EXCLUSION_VIOLATION)
        throw new ConcurrentChallengeError();
    throw err;
}
let ChallengesRepository = class ChallengesRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async issue(c) {
        const s = c.slot;
        const { text, params } = (0, named_sql_1.named)(ISSUE_SQL, {
            ...challengeValues(c),
            firstProvider: c.firstProvider,
            reason: c.reason ?? null,
            subjects: s.subjects,
            limitNames: s.names,
            hourly: s.hourly,
            daily: s.daily,
            cooldownSeconds: s.cooldownSeconds,
            progressive: s.progressive,
            cooldownCap: s.cooldownCapSeconds,
        });
        const [row] = await this.db.query(text, params).catch(asConcurrent);
        if (row.refused_limit)
            return { refused: { limit: row.refused_limit, retryAfterSeconds: row.wait_seconds } };
        return { attemptId: row.attempt_id, factorId: row.factor_id, nextCooldownSeconds: row.wait_seconds };
    }
    async issueFixed(c) {
        const { text, params } = (0, named_sql_1.named)(ISSUE_FIXED_SQL, challengeValues(c));
        const [row] = await this.db
            .transaction(async (query) => {
            await (0, advisory_lock_1.lockForTransaction)(query, `mfa-issue:${c.userId}`);
            return query(text, params);
        })
            .catch(asConcurrent);
        return { factorId: row.factor_id };
    }
    async findLive(userId, purpose) {
        const rows = await this.db.query(`SELECT c.id, c.user_id, c.factor_id, c.phone_e164, c.purpose, c.code_hash, c.expires_at, c.attempts,
              c.max_attempts, c.created_at, f.consecutive AS failures, f.locked_until
         FROM mfa_challenges c LEFT JOIN mfa_verify_failures f ON f.user_id = c.user_id
        WHERE c.user_id = $1 AND c.purpose = $2 AND ${LIVE}
        ORDER BY c.created_at DESC LIMIT 1`, [userId, purpose]);
        return rows[0] && toChallenge(rows[0]);
    }
    async takeAttempt(userId, purpose, now, hardLimit) {
        const rows = await this.db.query(`WITH live AS (
         SELECT id FROM mfa_challenges WHERE user_id = $1 AND purpose = $2 AND ${LIVE} ORDER BY created_at DESC LIMIT 1
       ), run AS (
         SELECT consecutive, locked_until FROM mfa_verify_failures WHERE user_id = $1
       ), taken AS (
         UPDATE mfa_challenges c SET attempts = c.attempts + 1
          WHERE c.id = (SELECT id FROM live) AND ${LIVE} AND c.attempts < c.max_attempts AND c.expires_at > $3
            AND NOT EXISTS (SELECT 1 FROM run WHERE consecutive >= $4 OR locked_until > $3)
          RETURNING c.id, c.user_id, c.factor_id, c.phone_e164, c.purpose, c.code_hash, c.expires_at, c.attempts,
                    c.max_attempts, c.created_at
       )
       SELECT taken.*, run.consecutive AS failures, run.locked_until FROM taken LEFT JOIN run ON true`, [userId, purpose, now, hardLimit]);
        return rows[0] && toChallenge(rows[0]);
    }
    async consume(id, now, raise) {
        const rows = await this.db.query(`WITH consumed AS (
         UPDATE mfa_challenges SET consumed_at = $2
          WHERE id = $1 AND ${LIVE} AND attempts <= max_attempts AND expires_at > $2
          RETURNING factor_id, user_id, purpose
       ), used AS (
         UPDATE mfa_sms_factors SET last_used_at = $2 WHERE id = (SELECT factor_id FROM consumed)
       ), reset AS (
         DELETE FROM mfa_verify_failures WHERE user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
       ), reset_totp AS (
         DELETE FROM mfa_totp_failures WHERE user_id = (SELECT user_id FROM consumed WHERE purpose = 'login')
       ), raised AS (
         ${(0, assurance_repository_1.raiseAssuranceSql)({ user: 'consumed.user_id', session: '$3', method: "'sms'", now: '$2', expires: '$4' }, 'FROM consumed')}
       )
       SELECT raised.methods, raised.verified_at, raised.expires_at, delivered.provider, delivered.provider_message_id,
              delivered.channel
         FROM consumed LEFT JOIN raised ON true
         LEFT JOIN LATERAL (
           SELECT provider, provider_message_id, channel FROM sms_send_log
            WHERE challenge_id = $1 AND provider_message_id IS NOT NULL AND status IN ('queued', 'sent', 'delivered')
            ORDER BY attempt DESC LIMIT 1
         ) delivered ON true`, [id, now, raise?.session ?? null, raise?.expiresAt ?? now]);
        const r = rows[0];
        return (r && {
            assurance: r.methods ? (0, assurance_repository_1.toAssurance)(r) : undefined,
            delivery: r.provider_message_id
                ? { provider: r.provider, providerMessageId: r.provider_message_id, channel: r.channel }
                : undefined,
        });
    }
    async invalidate(id, now) {
        await this.db.query(`WITH dead AS (
         UPDATE mfa_challenges SET invalidated_at = $2 WHERE id = $1 AND ${LIVE} RETURNING factor_id, purpose
       )
       DELETE FROM mfa_sms_factors f USING dead
        WHERE f.id = dead.factor_id AND dead.purpose = 'enroll' AND f.verified_at IS NULL`, [id, now]);
    }
    async claimFallback(id, now) {
        const [r] = await this.db.query(`UPDATE mfa_challenges SET fallback_at = $2
        WHERE id = $1 AND ${LIVE} AND fallback_at IS NULL AND channel <> 'voice'
          AND expires_at > $2 AND attempts < max_attempts
        RETURNING user_id, factor_id, phone_e164, purpose, country, client_ip, locale`, [id, now]);
        return (r && {
            userId: r.user_id,
            factorId: r.factor_id,
            phoneE164: r.phone_e164,
            purpose: r.purpose,
            country: r.country ?? undefined,
            clientIp: r.client_ip ?? undefined,
            locale: r.locale ?? undefined,
        });
    }
    purgeFinishedBefore(edge, limit) {
        const where = 'expires_at < $2 OR consumed_at < $2 OR invalidated_at < $2';
        return (0, purge_1.purgeBatch)(this.db.query.bind(this.db), 'mfa_challenges', where, limit, [edge]);
    }
    exportFor(userId) {
        return this.db.query(`SELECT id, purpose, phone_e164 AS "phoneNumber", country, client_ip AS "clientIp", attempts,
              created_at AS "createdAt", expires_at AS "expiresAt", consumed_at AS "consumedAt",
              invalidated_at AS "invalidatedAt" FROM mfa_challenges WHERE user_id = $1 ORDER BY created_at`, [userId]);
    }
    async numbersFor(userId, query) {
        const rows = await query(`SELECT DISTINCT phone_e164 FROM mfa_challenges WHERE user_id = $1`, [userId]);
        return rows.map((r) => r.phone_e164);
    }
    async eraseFor(userId, query) {
        return (await query(`DELETE FROM mfa_challenges WHERE user_id = $1 RETURNING 1`, [userId])).length;
    }
};
exports.ChallengesRepository = ChallengesRepository;
exports.ChallengesRepository = ChallengesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], ChallengesRepository);
function toChallenge(r) {
    return {
        id: r.id,
        userId: r.user_id,
        factorId: r.factor_id,
        phoneE164: r.phone_e164,
        purpose: r.purpose,
        codeHash: r.code_hash,
        expiresAt: new Date(r.expires_at),
        attempts: Number(r.attempts),
        maxAttempts: Number(r.max_attempts),
        createdAt: new Date(r.created_at),
        failures: Number(r.failures ?? 0),
        lockedUntil: r.locked_until ? new Date(r.locked_until) : undefined,
    };
}
//# sourceMappingURL=challenges.repository.js.map