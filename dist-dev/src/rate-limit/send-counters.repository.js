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
exports.SendCountersRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const purge_1 = require("../database/purge");
let SendCountersRepository = class SendCountersRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async refund(subjects, at) {
        await this.db.query(`UPDATE sms_send_counters
          SET sends = sends[:array_position(sends, $2) - 1] || sends[array_position(sends, $2) + 1:]
        WHERE subject = ANY ($1) AND array_position(sends, $2) IS NOT NULL`, [subjects, at]);
    }
    purgeIdleBefore(edge, limit) {
        const where = 'NOT EXISTS (SELECT 1 FROM unnest(sends) t WHERE t > $2)';
        return (0, purge_1.purgeBatch)(this.db.query.bind(this.db), 'sms_send_counters', where, limit, [edge]);
    }
    async eraseFor(userId, numbers, query) {
        await query(`WITH alone AS (
         SELECT n FROM unnest($2::text[]) n
          WHERE NOT EXISTS (SELECT 1 FROM mfa_sms_factors WHERE phone_e164 = n AND user_id <> $1)
            AND NOT EXISTS (SELECT 1 FROM mfa_challenges WHERE phone_e164 = n AND user_id <> $1)
       )
       DELETE FROM sms_send_counters c
        WHERE c.subject = 'user:' || $1
           OR (c.subject LIKE 'enroll:%' AND right(c.subject, length($1) + 6) = ':user:' || $1)
           OR EXISTS (SELECT 1 FROM alone WHERE c.subject IN ('phone:' || n, 'enroll:' || n) OR starts_with(c.subject, 'enroll:' || n || ':'))`, [userId, numbers]);
    }
};
exports.SendCountersRepository = SendCountersRepository;
exports.SendCountersRepository = SendCountersRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], SendCountersRepository);
//# sourceMappingURL=send-counters.repository.js.map