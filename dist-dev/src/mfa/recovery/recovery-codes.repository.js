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
exports.RecoveryCodesRepository = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../../assurance/assurance.repository");
const advisory_lock_1 = require("../../database/advisory-lock");
const mfa_db_1 = require("../../database/mfa-db");
let RecoveryCodesRepository = class RecoveryCodesRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async replaceSet(userId, setId, hashes, stepUp, now) {
        const [r] = await (0, advisory_lock_1.inUserFactorsLock)(this.db, userId, (query) => query(`WITH allowed AS (SELECT ${(0, assurance_repository_1.stepUpSql)({ user: '$1', session: '$4', since: '$5', now: '$6' })} AS ok),
       dropped AS (DELETE FROM mfa_recovery_codes WHERE user_id = $1 AND (SELECT ok FROM allowed)),
       added AS (
         INSERT INTO mfa_recovery_codes (user_id, set_id, code_hash, created_at)
         SELECT $1, $2, h, $6 FROM unnest($3::bytea[]) h WHERE (SELECT ok FROM allowed)
       )
       SELECT ok FROM allowed`, [userId, setId, hashes, stepUp.session, stepUp.since, now]));
        return r.ok;
    }
    async useInTurn(userId, hash, raise, takeGuess) {
        return this.db.transaction(async (query) => {
            await (0, advisory_lock_1.lockForTransaction)(query, `mfa-recovery-use:${userId}`);
            const [state] = await query(`SELECT bool_or(used_at IS NULL) AS has_unused, bool_or(code_hash = $2 AND used_at IS NOT NULL) AS already_used
           FROM mfa_recovery_codes WHERE user_id = $1`, [userId, hash]);
            if (state.already_used)
                return { outcome: 'already_used' };
            if (!state.has_unused)
                return { outcome: 'none' };
            const guess = await takeGuess(query);
            if (!guess.taken)
                return { outcome: 'guess_refused', guess };
            const used = await this.use(userId, hash, raise, query);
            return used ? { outcome: 'used', ...used } : { outcome: 'wrong' };
        });
    }
    async use(userId, hash, raise, query = (text, params) => this.db.query(text, params)) {
        const rows = await query(`WITH used AS (
         UPDATE mfa_recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
         RETURNING set_id
       ), reset AS (
         DELETE FROM mfa_verify_failures WHERE user_id = $1 AND EXISTS (SELECT 1 FROM used)
       ), reset_totp AS (
         DELETE FROM mfa_totp_failures WHERE user_id = $1 AND EXISTS (SELECT 1 FROM used)
       ), raised AS (
         ${(0, assurance_repository_1.raiseAssuranceSql)({ user: '$1', session: '$4', method: '$5', now: '$3', expires: '$6' }, 'FROM used')}
       )
       SELECT (SELECT count(*) FROM mfa_recovery_codes c WHERE c.set_id = used.set_id AND c.used_at IS NULL) - 1 AS remaining,
              raised.methods, raised.verified_at, raised.expires_at
         FROM used LEFT JOIN raised ON true`, [userId, hash, raise.now, raise.session, raise.method, raise.expiresAt]);
        const r = rows[0];
        if (!r)
            return undefined;
        return { remaining: Number(r.remaining), assurance: r.methods ? (0, assurance_repository_1.toAssurance)(r) : undefined };
    }
    async list(userId) {
        const rows = await this.db.query(`SELECT set_id, count(*) FILTER (WHERE used_at IS NULL) AS remaining, min(created_at) AS created_at
         FROM mfa_recovery_codes WHERE user_id = $1 GROUP BY set_id`, [userId]);
        return rows.map((r) => ({ id: r.set_id, remaining: Number(r.remaining), createdAt: new Date(r.created_at) }));
    }
    exportFor(userId) {
        return this.db.query(`SELECT set_id AS id, count(*) FILTER (WHERE used_at IS NULL)::int AS remaining, min(created_at) AS "createdAt"
         FROM mfa_recovery_codes WHERE user_id = $1 GROUP BY set_id`, [userId]);
    }
    async eraseFor(userId, query) {
        return (await query(`DELETE FROM mfa_recovery_codes WHERE user_id = $1 RETURNING 1`, [userId])).length;
    }
};
exports.RecoveryCodesRepository = RecoveryCodesRepository;
exports.RecoveryCodesRepository = RecoveryCodesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], RecoveryCodesRepository);
//# sourceMappingURL=recovery-codes.repository.js.map