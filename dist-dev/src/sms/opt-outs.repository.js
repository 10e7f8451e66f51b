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
exports.OptOutsRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
let OptOutsRepository = class OptOutsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async optOut(phoneE164, keyword, provider, now) {
        await this.db.query(`INSERT INTO sms_opt_outs (phone_e164, opted_out_at, keyword, provider) VALUES ($1, $2, $3, $4)
       ON CONFLICT (phone_e164) DO UPDATE SET opted_out_at = $2, keyword = $3, provider = $4`, [phoneE164, now, keyword, provider]);
    }
    async optIn(phoneE164) {
        await this.db.query(`DELETE FROM sms_opt_outs WHERE phone_e164 = $1`, [phoneE164]);
    }
    async isOptedOut(phoneE164) {
        const rows = await this.db.query(`SELECT 1 FROM sms_opt_outs WHERE phone_e164 = $1`, [phoneE164]);
        return rows.length > 0;
    }
};
exports.OptOutsRepository = OptOutsRepository;
exports.OptOutsRepository = OptOutsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], OptOutsRepository);
//# sourceMappingURL=opt-outs.repository.js.map