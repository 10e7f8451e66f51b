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
exports.FraudStatsRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const REQUESTERS = `LEAST(count(DISTINCT user_id), count(DISTINCT COALESCE(client_ip, user_id)))`;
const region = (src, p) => `
  (SELECT ${REQUESTERS} FROM ${src} WHERE created_at > $5::timestamptz - interval '10 minutes') AS ${p}_recent,
  (SELECT count(*) FROM ${src} WHERE created_at <= $5::timestamptz - interval '10 minutes') AS ${p}_base_sends,
  (SELECT ${REQUESTERS} FROM ${src} WHERE created_at <= $5::timestamptz - interval '10 minutes') AS ${p}_base_requesters,
  (SELECT count(*) FROM ${src} WHERE ${SETTLED}) AS ${p}_settled,
  (SELECT count(*) FROM ${src} WHERE ${SETTLED} AND consumed_at IS NOT NULL) AS ${p}_verified,
  (SELECT ${REQUESTERS} FROM ${src} WHERE ${SETTLED}) AS ${p}_settled_requesters`;
const SETTLED = `created_at > $5::timestamptz - interval '24 hours' AND created_at <= $5::timestamptz - make_interval(mins => $7)`;
let FraudStatsRepository = class FraudStatsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async read(q) {
        const [r] = await this.db.query(`WITH p AS (
         SELECT user_id, client_ip, created_at, consumed_at FROM mfa_challenges
          WHERE prefix = $4 AND created_at > $5::timestamptz - interval '24 hours 10 minutes'
       ), c AS (
         SELECT user_id, client_ip, created_at, consumed_at FROM mfa_challenges
          WHERE country = $6 AND created_at > $5::timestamptz - interval '24 hours 10 minutes'
       )
       SELECT
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE user_id = $1 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS user_numbers,
         (SELECT count(DISTINCT phone_e164) FROM mfa_challenges
           WHERE client_ip = $2 AND created_at > $5::timestamptz - interval '24 hours' AND phone_e164 <> $3) AS ip_numbers,
         ${region('p', 'p')},
         ${region('c', 'c')},
         (EXISTS (SELECT 1 FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND phone_e164 <> ALL ($8::text[]))
          OR EXISTS (SELECT 1 FROM mfa_challenges WHERE user_id = $1 AND consumed_at IS NOT NULL AND phone_e164 <> ALL ($8::text[])))
           AS proven`, [q.userId, q.clientIp ?? null, q.e164, q.prefix, q.now, q.country ?? null, q.settleMinutes, q.testNumbers]);
        return {
            userOtherNumbers: Number(r.user_numbers),
            ipOtherNumbers: Number(r.ip_numbers),
            prefix: regionStats(r, 'p'),
            country: regionStats(r, 'c'),
            requesterProven: r.proven,
        };
    }
};
exports.FraudStatsRepository = FraudStatsRepository;
exports.FraudStatsRepository = FraudStatsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], FraudStatsRepository);
function regionStats(r, p) {
    const n = (key) => Number(r[`${p}_${key}`]);
    return {
        recentRequesters: n('recent'),
        baselineSends: n('base_sends'),
        baselineRequesters: n('base_requesters'),
        settled: n('settled'),
        verified: n('verified'),
        settledRequesters: n('settled_requesters'),
    };
}
//# sourceMappingURL=fraud-stats.repository.js.map