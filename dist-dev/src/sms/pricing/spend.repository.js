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
exports.SpendRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../../database/mfa-db");
let SpendRepository = class SpendRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async take(day, scopes, caps, amount) {
        const [r] = await this.db.query(`SELECT mfa_take_spend($1::date, $2::text[], $3::numeric[], $4) AS refused`, [
            day,
            scopes,
            caps,
            amount,
        ]);
        return r.refused ?? undefined;
    }
    async add(day, scopes, delta) {
        if (delta === 0)
            return;
        await this.db.query(`INSERT INTO sms_spend_daily AS s (day, scope, spent_usd) SELECT $1::date, unnest($2::text[]), GREATEST(0, $3::numeric)
       ON CONFLICT (day, scope) DO UPDATE SET spent_usd = GREATEST(0, s.spent_usd + $3::numeric)`, [day, scopes, delta]);
    }
    async read(day) {
        const rows = await this.db.query(`SELECT scope, spent_usd FROM sms_spend_daily WHERE day = $1::date`, [day]);
        return rows.map((r) => ({ scope: r.scope, spentUsd: Number(r.spent_usd) }));
    }
};
exports.SpendRepository = SpendRepository;
exports.SpendRepository = SpendRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], SpendRepository);
//# sourceMappingURL=spend.repository.js.map