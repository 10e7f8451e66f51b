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
exports.SmsFactorsRepository = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../../assurance/assurance.repository");
const advisory_lock_1 = require("../../database/advisory-lock");
const mfa_db_1 = require("../../database/mfa-db");
const factors_table_1 = require("../factors-table");
const country_rules_repository_1 = require("../../phone/country-rules.repository");
let SmsFactorsRepository = class SmsFactorsRepository extends factors_table_1.FactorsTable {
    constructor(db) {
        super(db, 'mfa_sms_factors', toSmsFactor);
    }
    async findSendable(userId) {
        const rows = await this.db.query(`SELECT f.*,
              EXISTS (SELECT 1 FROM sms_opt_outs o WHERE o.phone_e164 = f.phone_e164) AS opted_out,
              ${(0, country_rules_repository_1.countryVerdictSql)('f.country')}
         FROM mfa_sms_factors f WHERE f.user_id = $1 AND f.verified_at IS NOT NULL
        ORDER BY f.verified_at DESC LIMIT 1`, [userId]);
        const r = rows[0];
        return (r && {
            ...toSmsFactor(r),
            optedOut: r.opted_out,
            fixedLine: r.fixed_line,
            countryRules: (0, country_rules_repository_1.toCountryVerdict)(r),
        });
    }
    async markVerifiedReplacingOthers(id, userId, stepUp, raise) {
        const [r] = await (0, advisory_lock_1.inUserFactorsLock)(this.db, userId, (query) => query(`WITH allowed AS (SELECT ${(0, assurance_repository_1.stepUpSql)({ user: '$2', session: '$4', since: '$5', now: '$3' })} AS ok),
       verified AS (
         UPDATE mfa_sms_factors SET verified_at = $3, last_used_at = $3
          WHERE id = $1 AND user_id = $2 AND (SELECT ok FROM allowed) RETURNING id
       ), replaced AS (
         DELETE FROM mfa_sms_factors WHERE user_id = $2 AND id <> $1 AND EXISTS (SELECT 1 FROM verified) RETURNING id
       ), orphaned AS (
         UPDATE mfa_challenges SET invalidated_at = $3
          WHERE factor_id IN (SELECT id FROM replaced) AND consumed_at IS NULL AND invalidated_at IS NULL
       ), raised AS (
         ${(0, assurance_repository_1.raiseAssuranceSql)({ user: '$2', session: '$4', method: "'sms'", now: '$3', expires: '$6' }, 'FROM verified')}
       )
       SELECT (SELECT ok FROM allowed) AS allowed, raised.methods, raised.verified_at, raised.expires_at
         FROM (SELECT 1) AS one LEFT JOIN raised ON true`, [id, userId, raise.now, stepUp.session, stepUp.since, raise.expiresAt]));
        return { allowed: r.allowed, assurance: r.methods ? (0, assurance_repository_1.toAssurance)(r) : undefined };
    }
    exportFor(userId) {
        return this.db.query(`SELECT id, phone_e164 AS "phoneNumber", country, verified_at AS "verifiedAt", created_at AS "createdAt",
              last_used_at AS "lastUsedAt" FROM mfa_sms_factors WHERE user_id = $1 ORDER BY created_at`, [userId]);
    }
    async numbersFor(userId, query) {
        return (await query(`SELECT phone_e164 FROM mfa_sms_factors WHERE user_id = $1`, [userId])).map((r) => r.phone_e164);
    }
};
exports.SmsFactorsRepository = SmsFactorsRepository;
exports.SmsFactorsRepository = SmsFactorsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], SmsFactorsRepository);
function toSmsFactor(r) {
    return { ...(0, factors_table_1.toFactor)(r), phoneE164: r.phone_e164, country: r.country ?? undefined };
}
//# sourceMappingURL=sms-factors.repository.js.map