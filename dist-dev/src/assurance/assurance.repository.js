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
exports.AssuranceRepository = void 0;
exports.raiseAssuranceSql = raiseAssuranceSql;
exports.stepUpSql = stepUpSql;
exports.toAssurance = toAssurance;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const purge_1 = require("../database/purge");
function raiseAssuranceSql(p, from) {
    return `INSERT INTO mfa_assurance AS a (user_id, session_hash, methods, verified_at, expires_at)
          SELECT ${p.user}, ${p.session}::bytea, ARRAY[${p.method}::text], ${p.now}::timestamptz, ${p.expires}::timestamptz
            ${from} WHERE ${p.session}::bytea IS NOT NULL
          ON CONFLICT (user_id, session_hash) DO UPDATE SET
            methods = CASE WHEN a.expires_at > EXCLUDED.verified_at
                           THEN ARRAY(SELECT DISTINCT m FROM unnest(a.methods || EXCLUDED.methods) m ORDER BY m)
                           ELSE EXCLUDED.methods END,
            verified_at = GREATEST(a.verified_at, EXCLUDED.verified_at),
            expires_at = GREATEST(a.expires_at, EXCLUDED.expires_at)
          RETURNING methods, verified_at, expires_at`;
}
const factorSql = (user) => ({
    sms: `EXISTS (SELECT 1 FROM mfa_sms_factors WHERE user_id = ${user} AND verified_at IS NOT NULL)`,
    totp: `EXISTS (SELECT 1 FROM mfa_totp_factors WHERE user_id = ${user} AND verified_at IS NOT NULL)`,
    recovery: `EXISTS (SELECT 1 FROM mfa_recovery_codes WHERE user_id = ${user} AND used_at IS NULL)`,
});
const sessionVerifiedSql = (p, lock) => `EXISTS (SELECT 1 FROM mfa_assurance s
            WHERE s.user_id = ${p.user} AND s.session_hash = ${p.session}::bytea
              AND s.verified_at >= ${p.since}::timestamptz AND s.expires_at > ${p.now}::timestamptz
            ${lock ? 'FOR SHARE' : ''})`;
function stepUpSql(p) {
    return `(NOT (${Object.values(factorSql(p.user)).join(' OR ')}) OR ${sessionVerifiedSql(p, true)})`;
}
let AssuranceRepository = class AssuranceRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async find(userId, session, now) {
        const rows = await this.db.query(`SELECT methods, verified_at, expires_at FROM mfa_assurance
        WHERE user_id = $1 AND session_hash = $2 AND expires_at > $3`, [userId, session, now]);
        return rows[0] && toAssurance(rows[0]);
    }
    async end(userId, session) {
        await this.db.query(`DELETE FROM mfa_assurance WHERE user_id = $1 AND session_hash = $2`, [userId, session]);
    }
    async stepUpState(userId, session, since, now) {
        const factor = factorSql('$1');
        const [r] = await this.db.query(`SELECT ${factor.sms} AS sms, ${factor.totp} AS totp, ${factor.recovery} AS recovery,
              ${sessionVerifiedSql({ user: '$1', session: '$2', since: '$3', now: '$4' }, false)} AS session`, [userId, session, since, now]);
        const methods = [r.totp && 'totp', r.sms && 'sms', r.recovery && 'recovery_code'].filter((m) => !!m);
        return { allowed: !methods.length || r.session, methods };
    }
    purgeBefore(now, limit) {
        return (0, purge_1.purgeBatch)(this.db.query.bind(this.db), 'mfa_assurance', 'expires_at < $2', limit, [now]);
    }
    exportFor(userId) {
        return this.db.query(`SELECT methods, verified_at AS "verifiedAt", expires_at AS "expiresAt" FROM mfa_assurance WHERE user_id = $1 ORDER BY verified_at`, [userId]);
    }
    async eraseFor(userId, query) {
        return (await query(`DELETE FROM mfa_assurance WHERE user_id = $1 RETURNING 1`, [userId])).length;
    }
};
exports.AssuranceRepository = AssuranceRepository;
exports.AssuranceRepository = AssuranceRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], AssuranceRepository);
function toAssurance(r) {
    return {
        methods: r.methods,
        verifiedAt: new Date(r.verified_at),
        expiresAt: new Date(r.expires_at),
    };
}
//# sourceMappingURL=assurance.repository.js.map