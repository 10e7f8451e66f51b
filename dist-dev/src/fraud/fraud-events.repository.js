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
exports.FraudEventsRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const purge_1 = require("../database/purge");
let FraudEventsRepository = class FraudEventsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async record(events) {
        if (!events.length)
            return;
        const column = (k) => events.map((e) => e[k]);
        await this.db.query(`INSERT INTO sms_fraud_events (rule, action, masked_phone, prefix, country, user_id, client_ip, detail, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::char(2)[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])`, [
            column('rule'),
            column('action'),
            column('maskedPhone'),
            column('prefix'),
            column('country'),
            column('userId'),
            column('clientIp'),
            column('detail'),
            column('createdAt'),
        ]);
    }
    async list(f) {
        const rows = await this.db.query(`SELECT * FROM sms_fraud_events
        WHERE ($1::text IS NULL OR rule = $1)
          AND ($2::text IS NULL OR country = $2)
          AND ($3::timestamptz IS NULL OR created_at >= $3)
          AND ($4::timestamptz IS NULL OR created_at < $4)
          AND ($5::bigint IS NULL OR id < $5)
        ORDER BY id DESC LIMIT $6`, [f.rule ?? null, f.country ?? null, f.from ?? null, f.to ?? null, f.before ?? null, f.limit]);
        return rows.map((r) => ({
            id: String(r.id),
            rule: r.rule,
            action: r.action,
            maskedPhone: r.masked_phone,
            prefix: r.prefix,
            country: r.country,
            userId: r.user_id,
            clientIp: r.client_ip,
            detail: r.detail,
            createdAt: new Date(r.created_at),
        }));
    }
    purgeBefore(edge, limit) {
        return (0, purge_1.purgeBatch)(this.db.query.bind(this.db), 'sms_fraud_events', 'created_at < $2', limit, [edge]);
    }
    exportFor(userId) {
        return this.db.query(`SELECT id, rule, action, masked_phone AS "maskedPhone", country, client_ip AS "clientIp", detail,
              created_at AS "createdAt" FROM sms_fraud_events WHERE user_id = $1 ORDER BY id`, [userId]);
    }
    async eraseFor(userId, query) {
        const rows = await query(`UPDATE sms_fraud_events SET user_id = NULL, client_ip = NULL,
              masked_phone = split_part(masked_phone, ' ', 1) || ' ••• ••• ••', prefix = split_part(masked_phone, ' ', 1)
        WHERE user_id = $1 RETURNING 1`, [userId]);
        return rows.length;
    }
    async countSince(since) {
        const [r] = await this.db.query(`SELECT count(*)::int AS n FROM sms_fraud_events WHERE created_at > $1`, [since]);
        return r.n;
    }
};
exports.FraudEventsRepository = FraudEventsRepository;
exports.FraudEventsRepository = FraudEventsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], FraudEventsRepository);
//# sourceMappingURL=fraud-events.repository.js.map