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
exports.FactorRemovalRepository = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../assurance/assurance.repository");
const advisory_lock_1 = require("../database/advisory-lock");
const mfa_db_1 = require("../database/mfa-db");
const TABLES = {
    sms: { table: 'mfa_sms_factors', key: 'id' },
    totp: { table: 'mfa_totp_factors', key: 'id' },
    recovery_codes: { table: 'mfa_recovery_codes', key: 'set_id' },
};
let FactorRemovalRepository = class FactorRemovalRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async remove(userId, factorId, stepUp, now, allowLast) {
        return (0, advisory_lock_1.inUserFactorsLock)(this.db, userId, async (query) => {
            const [r] = await query(`WITH target AS (
           SELECT 'sms' AS type, verified_at IS NOT NULL AS verified FROM mfa_sms_factors WHERE id = $2 AND user_id = $1
           UNION ALL SELECT 'totp', verified_at IS NOT NULL FROM mfa_totp_factors WHERE id = $2 AND user_id = $1
           UNION ALL (SELECT 'recovery_codes', false FROM mfa_recovery_codes WHERE set_id = $2 AND user_id = $1 LIMIT 1)
         )
         SELECT (SELECT type FROM target) AS type, (SELECT verified FROM target) AS verified,
                (SELECT count(*) FROM mfa_sms_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND id <> $2)
                + (SELECT count(*) FROM mfa_totp_factors WHERE user_id = $1 AND verified_at IS NOT NULL AND id <> $2) AS others,
                ${(0, assurance_repository_1.stepUpSql)({ user: '$1', session: '$3', since: '$4', now: '$5' })} AS step_up`, [userId, factorId, stepUp.session, stepUp.since, now]);
            if (!r.type)
                return 'not_found';
            if (!r.step_up)
                return 'step_up_required';
            if (r.verified && Number(r.others) === 0 && !allowLast)
                return 'last_factor';
            const { table, key } = TABLES[r.type];
            await query(`DELETE FROM ${table} WHERE ${key} = $1 AND user_id = $2`, [factorId, userId]);
            if (r.type === 'sms') {
                await query(`UPDATE mfa_challenges SET invalidated_at = $2
            WHERE factor_id = $1 AND consumed_at IS NULL AND invalidated_at IS NULL`, [factorId, now]);
            }
            return 'removed';
        });
    }
};
exports.FactorRemovalRepository = FactorRemovalRepository;
exports.FactorRemovalRepository = FactorRemovalRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], FactorRemovalRepository);
//# sourceMappingURL=factor-removal.repository.js.map