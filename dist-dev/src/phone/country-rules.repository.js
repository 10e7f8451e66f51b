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
exports.CountryRulesRepository = exports.countryVerdictSql = void 0;
exports.toCountryVerdict = toCountryVerdict;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const countryVerdictSql = (country) => `(SELECT action FROM sms_country_rules r WHERE r.country = ${country}) AS country_action,
   EXISTS (SELECT 1 FROM sms_country_rules WHERE action = 'allow') AS allow_list`;
exports.countryVerdictSql = countryVerdictSql;
function toCountryVerdict(row) {
    return { action: row.country_action ?? undefined, allowListActive: row.allow_list };
}
let CountryRulesRepository = class CountryRulesRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async list() {
        const rows = await this.db.query(`SELECT * FROM sms_country_rules ORDER BY country`);
        return rows.map(toRule);
    }
    async verdictInput(country) {
        const [row] = await this.db.query(`SELECT ${(0, exports.countryVerdictSql)('$1')}`, [country ?? null]);
        return toCountryVerdict(row);
    }
    async put(country, action, reason, by, now) {
        const [row] = await this.db.query(`WITH rule AS (
         INSERT INTO sms_country_rules (country, action, reason, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (country) DO UPDATE SET action = $2, reason = $3, updated_at = $4, updated_by = $5
         RETURNING *
       ), audit AS (
         INSERT INTO sms_country_rule_changes (country, action, reason, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5)
       )
       SELECT * FROM rule`, [country, action, reason, now, by]);
        return toRule(row);
    }
    async delete(country, by, now) {
        const rows = await this.db.query(`WITH gone AS (DELETE FROM sms_country_rules WHERE country = $1 RETURNING country),
       audit AS (
         INSERT INTO sms_country_rule_changes (country, action, reason, changed_at, changed_by)
         SELECT country, NULL, 'deleted', $2, $3 FROM gone
       )
       SELECT country FROM gone`, [country, now, by]);
        return rows.length === 1;
    }
    async seed(allowed, blocked, now) {
        const rules = [...allowed.map((c) => [c, 'allow']), ...blocked.map((c) => [c, 'block'])];
        if (!rules.length)
            return;
        await this.db.query(`INSERT INTO sms_country_rules (country, action, reason, updated_at, updated_by)
       SELECT c, a, 'initial list from the environment', $3, 'environment'
         FROM unnest($1::text[], $2::text[]) AS r(c, a)
       ON CONFLICT (country) DO NOTHING`, [rules.map((r) => r[0]), rules.map((r) => r[1]), now]);
    }
};
exports.CountryRulesRepository = CountryRulesRepository;
exports.CountryRulesRepository = CountryRulesRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], CountryRulesRepository);
function toRule(r) {
    return {
        country: r.country,
        action: r.action,
        reason: r.reason,
        updatedAt: new Date(r.updated_at),
        updatedBy: r.updated_by,
    };
}
//# sourceMappingURL=country-rules.repository.js.map