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
exports.AlertsRepository = void 0;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
let AlertsRepository = class AlertsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async states() {
        const rows = await this.db.query(`SELECT key, firing, since FROM mfa_alert_states`);
        return new Map(rows.map((r) => [r.key, { firing: r.firing, since: new Date(r.since) }]));
    }
    async save(key, firing, value, now) {
        await this.db.query(`INSERT INTO mfa_alert_states (key, firing, since, value, updated_at) VALUES ($1, $2, $3, $4, $3)
       ON CONFLICT (key) DO UPDATE SET firing = $2, since = $3, value = $4, updated_at = $3`, [key, firing, now, value]);
    }
};
exports.AlertsRepository = AlertsRepository;
exports.AlertsRepository = AlertsRepository = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], AlertsRepository);
//# sourceMappingURL=alerts.repository.js.map