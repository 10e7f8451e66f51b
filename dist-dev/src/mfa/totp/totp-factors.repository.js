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
exports.TotpFactorsRepository = void 0;
const common_1 = require("@nestjs/common");
const assurance_repository_1 = require("../../assurance/assurance.repository");
const advisory_lock_1 = require("../../database/advisory-lock");
const mfa_db_1 = require("../../database/mfa-db");
const factors_table_1 = require("../factors-table");
let TotpFactorsRepository = class TotpFactorsRepository extends factors_table_1.FactorsTable {
    constructor(db) {
        super(db, 'mfa_totp_factors', toTotpFactor);
    }
    async createPending(id, userId, secretEnc, keyId, now, stepUp) {
        const [r] = await (0, advisory_lock_1.inUserFactorsLock)(this.db, userId, (query) => query(`WITH allowed AS (SELECT ${(0, assurance_repository_1.stepUpSql)({ user: '$2', session: '$6', since: '$7', now: '$5' })} AS ok),
       dropped AS (DELETE FROM mfa_totp_factors WHERE user_id = $2 AND verified_at IS NULL AND (SELECT ok FROM allowed)),
       created AS (
         INSERT INTO mfa_totp_factors (id, user_id, secret_enc, key_id, created_at)
         SELECT $1, $2, $3, $4, $5 WHERE (SELECT ok FROM allowed)
       )
       SELECT ok FROM allowed`, [id, userId, secretEnc, keyId, now, stepUp.session, stepUp.since]));
        return r.ok;
    }
    async find(userId, verified) {
        const rows = await this.db.query(`SELECT * FROM mfa_totp_factors WHERE user_id = $1 AND (verified_at IS NOT NULL) = $2 ORDER BY created_at DESC LIMIT 1`, [userId, verified]);
        return rows[0] && toTotpFactor(rows[0]);
    }
    async useStep(id, userId, step, raise, activation) {
        const run = (text, params) => activation
            ? (0, advisory_lock_1.inUserFactorsLock)(this.db, userId, (query) => query(text, params))
            : this.db.query(text, params);
        const [r] = await run(`WITH allowed AS (
         SELECT NOT $5 OR ${(0, assurance_repository_1.stepUpSql)({ user: '$2', session: '$6', since: '$7', now: '$4' })} AS ok
       ), used AS (
         UPDATE mfa_totp_factors
            SET last_step = $3, last_used_at = $4, verified_at = CASE WHEN $5 THEN $4 ELSE verified_at END
          WHERE id = $1 AND user_id = $2 AND (last_step IS NULL OR last_step < $3) AND (SELECT ok FROM allowed)
          RETURNING id
       ), replaced AS (
         DELETE FROM mfa_totp_factors WHERE $5 AND user_id = $2 AND id <> $1 AND EXISTS (SELECT 1 FROM used)
       ), reset AS (
         DELETE FROM mfa_totp_failures WHERE user_id = $2 AND EXISTS (SELECT 1 FROM used)
       ), raised AS (
         ${(0, assurance_repository_1.raiseAssuranceSql)({ user: '$2', session: '$8', method: "'totp'", now: '$4', expires: '$9' }, 'FROM used')}
       )
       SELECT (SELECT ok FROM allowed) AS allowed, (SELECT id FROM used) AS used, raised.methods, raised.verified_at, raised.expires_at
         FROM (SELECT 1) AS one LEFT JOIN raised ON true`, [
            id,
            userId,
            step,
            raise.now,
            activation !== undefined,
            activation?.session ?? null,
            activation?.since ?? raise.now,
            raise.session,
            raise.expiresAt,
        ]);
        return { allowed: r.allowed, used: r.used !== null, assurance: r.methods ? (0, assurance_repository_1.toAssurance)(r) : undefined };
    }
    async reseal(id, secretEnc, keyId) {
        await this.db.query(`UPDATE mfa_totp_factors SET secret_enc = $2, key_id = $3 WHERE id = $1`, [
            id,
            secretEnc,
            keyId,
        ]);
    }
    exportFor(userId) {
        return this.db.query(`SELECT id, verified_at AS "verifiedAt", created_at AS "createdAt", last_used_at AS "lastUsedAt"
         FROM mfa_totp_factors WHERE user_id = $1 ORDER BY created_at`, [userId]);
    }
};
exports.TotpFactorsRepository = TotpFactorsRepository;
exports.TotpFactorsRepository = TotpFactorsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], TotpFactorsRepository);
function toTotpFactor(r) {
    return {
        ...(0, factors_table_1.toFactor)(r),
        secretEnc: r.secret_enc,
        keyId: r.key_id,
        lastStep: r.last_step === null ? undefined : Number(r.last_step),
    };
}
//# sourceMappingURL=totp-factors.repository.js.map