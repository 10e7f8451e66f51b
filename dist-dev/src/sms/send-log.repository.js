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
exports.SendLogRepository = void 0;
const common_1 = require("@nestjs/common");
const batcher_1 = require("../database/batcher");
const mfa_db_1 = require("../database/mfa-db");
const purge_1 = require("../database/purge");
let SendLogRepository = class SendLogRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async begin(a) {
        const rows = await this.db.query(`INSERT INTO sms_send_log (challenge_id, user_id, provider, attempt, status, country, channel, reason)
       VALUES ($1, $2, $3, $4, 'sending', $5, $6, $7) RETURNING id`, [a.challengeId, a.userId, a.provider, a.attempt, a.country ?? null, a.channel, a.reason ?? null]);
        return rows[0].id;
    }
    async reassign(id, provider) {
        await this.db.query(`UPDATE sms_send_log SET provider = $2, updated_at = now() WHERE id = $1`, [id, provider]);
    }
    accepted(id, result, latencyMs, encoding, estimatedUsd) {
        return this.acceptedWrites.add({ id, result, latencyMs, encoding, estimatedUsd });
    }
    acceptedWrites = new batcher_1.Batcher(async (items) => {
        const column = (f) => items.map(f);
        await this.db.query(`UPDATE sms_send_log AS l
          SET status = v.status, provider_message_id = v.message_id, segments = v.segments, price = v.price,
              currency = v.currency, latency_ms = v.latency_ms, encoding = v.encoding, estimated_usd = v.estimated_usd,
              updated_at = now(), delivered_at = CASE WHEN v.status = 'delivered' THEN now() END
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::smallint[], $5::numeric[], $6::char(3)[], $7::integer[], $8::text[],
                     $9::numeric[])
           AS v(id, status, message_id, segments, price, currency, latency_ms, encoding, estimated_usd)
        WHERE l.id = v.id`, [
            column((i) => i.id),
            column((i) => i.result.status),
            column((i) => i.result.providerMessageId ?? null),
            column((i) => i.result.segments ?? null),
            column((i) => i.result.price ?? null),
            column((i) => i.result.currency ?? null),
            column((i) => i.latencyMs),
            column((i) => i.encoding),
            column((i) => i.estimatedUsd),
        ]);
    });
    async failed(id, error, latencyMs, failoverTo) {
        await this.db.query(`UPDATE sms_send_log
          SET status = 'failed', error_code = $2, error_kind = $3, failover_to = $4,
              latency_ms = $5, updated_at = now()
        WHERE id = $1`, [id, error.providerCode ?? error.reason, error.kind, failoverTo ?? null, latencyMs]);
    }
    async reapStale(olderThanSeconds) {
        const rows = await this.db.query(`UPDATE sms_send_log SET status = 'unknown', error_code = 'no_outcome', updated_at = now()
        WHERE status = 'sending' AND created_at < now() - make_interval(secs => $1) RETURNING 1`, [olderThanSeconds]);
        return rows.length;
    }
    async reportPrice(provider, providerMessageId, priceUsd) {
        const rows = await this.db.query(`UPDATE sms_send_log l SET price = $3, currency = 'USD', updated_at = now()
         FROM (SELECT id, COALESCE(CASE WHEN currency = 'USD' THEN price END, estimated_usd, 0) AS counted
                 FROM sms_send_log WHERE provider = $1 AND provider_message_id = $2 FOR UPDATE) AS before
        WHERE l.id = before.id
        RETURNING l.country, l.created_at, $3 - before.counted AS delta`, [provider, providerMessageId, priceUsd]);
        const r = rows[0];
        return r && { country: r.country ?? undefined, at: new Date(r.created_at), deltaUsd: Number(r.delta) };
    }
    async applyDeliveryStatus(provider, providerMessageId, status, errorCode) {
        const rows = await this.db.query(`UPDATE sms_send_log
          SET status = $3, error_code = COALESCE($4, error_code), updated_at = now(),
              delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END
        WHERE provider = $1 AND provider_message_id = $2
          AND ${RANK('status')} < ${RANK('$3')}
        RETURNING CASE WHEN $3 = 'delivered' THEN extract(epoch FROM now() - created_at) END AS seconds,
                  challenge_id, channel`, [provider, providerMessageId, status, errorCode ?? null]);
        if (!rows.length)
            return { applied: false };
        const { seconds, challenge_id, channel } = rows[0];
        return {
            applied: true,
            deliveredAfterSeconds: seconds === null ? undefined : Number(seconds),
            challengeId: challenge_id ?? undefined,
            channel,
        };
    }
    purgeBefore(edge, limit) {
        return (0, purge_1.purgeBatch)(this.db.query.bind(this.db), 'sms_send_log', 'created_at < $2', limit, [edge]);
    }
    exportFor(userId) {
        return this.db.query(`SELECT id, challenge_id AS "challengeId", provider, attempt, status, error_code AS "errorCode",
              segments, price, currency, country, created_at AS "createdAt", delivered_at AS "deliveredAt"
         FROM sms_send_log WHERE user_id = $1 ORDER BY id`, [userId]);
    }
    async eraseFor(userId, query) {
        return (await query(`UPDATE sms_send_log SET user_id = NULL WHERE user_id = $1 RETURNING 1`, [userId])).length;
    }
    async attemptsSince(since) {
        return this.db.query(`SELECT provider, count(*)::int AS total, count(*) FILTER (WHERE status IN ('failed', 'undelivered'))::int AS failed
         FROM sms_send_log WHERE created_at > $1 GROUP BY provider ORDER BY provider`, [since]);
    }
    async deliveryP95Since(since) {
        const rows = await this.db.query(`SELECT provider, percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at)) AS p95
         FROM sms_send_log WHERE created_at > $1 AND delivered_at IS NOT NULL AND status = 'delivered'
          AND provider NOT IN ('MOCK', 'TEST') GROUP BY provider ORDER BY provider`, [since]);
        return rows.map((r) => ({ provider: r.provider, seconds: Number(r.p95) }));
    }
    async reapedWithin(minutes) {
        const [r] = await this.db.query(`SELECT count(*)::int AS n FROM sms_send_log WHERE status = 'unknown' AND updated_at > now() - make_interval(mins => $1)`, [minutes]);
        return r.n;
    }
};
exports.SendLogRepository = SendLogRepository;
exports.SendLogRepository = SendLogRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], SendLogRepository);
const RANK = (expr) => `(CASE ${expr}::text WHEN 'sending' THEN 0 WHEN 'queued' THEN 1 WHEN 'sent' THEN 2 ELSE 3 END)`;
//# sourceMappingURL=send-log.repository.js.map