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
exports.FailureRunsRepository = void 0;
exports.countFailureSql = countFailureSql;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const waitAfter = (failures, threshold, now) => `CASE WHEN ${failures} >= ${threshold}::int
     THEN ${now}::timestamptz + make_interval(secs => LEAST(3600, 30 * power(2, LEAST(${failures} - ${threshold}::int, 20))))
   END`;
function countFailureSql(table, p, from = '') {
    return `INSERT INTO ${table} AS f (user_id, consecutive, locked_until, updated_at)
          SELECT ${p.user}, 1, ${waitAfter('1', p.threshold, p.now)}, ${p.now} ${from}
          ON CONFLICT (user_id) DO UPDATE SET
            consecutive = f.consecutive + 1,
            updated_at = ${p.now},
            locked_until = ${waitAfter('f.consecutive + 1', p.threshold, p.now)}`;
}
function takeGuessSql(table, p, from = '') {
    return `${countFailureSql(table, p, from)}
          WHERE (f.locked_until IS NULL OR f.locked_until <= ${p.now}::timestamptz) AND f.consecutive < ${p.hardLimit}::int
          RETURNING consecutive`;
}
const TABLES = { sms: 'mfa_verify_failures', totp: 'mfa_totp_failures' };
let FailureRunsRepository = class FailureRunsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async countFailure(kind, userId, now, threshold) {
        const [r] = await this.db.query(`${countFailureSql(TABLES[kind], { user: '$1', now: '$2', threshold: '$3' })} RETURNING consecutive, locked_until`, [userId, now, threshold]);
        return { failures: r.consecutive, lockedUntil: r.locked_until ?? undefined };
    }
    async takeGuess(kind, userId, now, threshold, hardLimit, query = (text, params) => this.db.query(text, params)) {
        const [r] = await query(`WITH guess AS (${takeGuessSql(TABLES[kind], { user: '$1', now: '$2', threshold: '$3', hardLimit: '$4' })})
       SELECT (SELECT consecutive FROM guess) AS taken, f.consecutive, f.locked_until
         FROM (SELECT 1) AS one LEFT JOIN ${TABLES[kind]} f ON f.user_id = $1`, [userId, now, threshold, hardLimit]);
        return {
            taken: r.taken !== null,
            failures: Number(r.consecutive ?? 0),
            lockedUntil: r.locked_until ? new Date(r.locked_until) : undefined,
        };
    }
    async reset(userId, kinds = ['sms', 'totp']) {
        for (const kind of kinds)
            await this.db.query(`DELETE FROM ${TABLES[kind]} WHERE user_id = $1`, [userId]);
    }
    async exportFor(userId) {
        const runs = await Promise.all(Object.keys(TABLES).map((kind) => this.db.query(`SELECT $2::text AS factor, consecutive, locked_until AS "lockedUntil" FROM ${TABLES[kind]} WHERE user_id = $1`, [userId, kind])));
        return runs.flat();
    }
    async eraseFor(userId, query) {
        for (const table of Object.values(TABLES))
            await query(`DELETE FROM ${table} WHERE user_id = $1`, [userId]);
    }
};
exports.FailureRunsRepository = FailureRunsRepository;
exports.FailureRunsRepository = FailureRunsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], FailureRunsRepository);
//# sourceMappingURL=failure-runs.repository.js.map