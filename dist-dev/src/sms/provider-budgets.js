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
exports.ProviderBudgets = void 0;
exports.leaseSize = leaseSize;
const common_1 = require("@nestjs/common");
const mfa_db_1 = require("../database/mfa-db");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const floorTo = (t, unit) => Math.floor(t / unit) * unit;
function leaseSize(limits) {
    return Math.max(1, Math.min(100, Math.floor(limits.maxPerMinute / 20)));
}
let ProviderBudgets = class ProviderBudgets {
    db;
    leases = new Map();
    refills = new Map();
    constructor(db) {
        this.db = db;
    }
    async tryTake(provider, limits, now) {
        const minute = floorTo(now.getTime(), MINUTE);
        for (;;) {
            const lease = this.leases.get(provider);
            if (lease?.minute === minute && lease.remaining > 0) {
                lease.remaining -= 1;
                return true;
            }
            let refill = this.refills.get(provider);
            if (!refill) {
                refill = this.refill(provider, limits, now).finally(() => this.refills.delete(provider));
                this.refills.set(provider, refill);
            }
            if ((await refill) === 0)
                return false;
        }
    }
    giveBack(provider) {
        const lease = this.leases.get(provider);
        if (lease)
            lease.remaining += 1;
    }
    async refill(provider, limits, now) {
        const t = now.getTime();
        const windows = { minute: new Date(floorTo(t, MINUTE)), hour: new Date(floorTo(t, HOUR)), day: new Date(floorTo(t, DAY)) };
        const granted = await this.db.transaction(async (query) => {
            await query(`INSERT INTO sms_provider_budgets (provider, minute_start, minute_count, hour_start, hour_count, day_start, day_count)
         VALUES ($1, $2, 0, $3, 0, $4, 0) ON CONFLICT (provider) DO NOTHING`, [provider, windows.minute, windows.hour, windows.day]);
            const [row] = await query(`SELECT * FROM sms_provider_budgets WHERE provider = $1 FOR UPDATE`, [provider]);
            const used = (start, count, window) => (new Date(start).getTime() === window.getTime() ? count : 0);
            const minuteUsed = used(row.minute_start, row.minute_count, windows.minute);
            const hourUsed = used(row.hour_start, row.hour_count, windows.hour);
            const dayUsed = used(row.day_start, row.day_count, windows.day);
            const take = Math.max(0, Math.min(leaseSize(limits), limits.maxPerMinute - minuteUsed, limits.maxPerHour - hourUsed, limits.maxPerDay - dayUsed));
            await query(`UPDATE sms_provider_budgets SET minute_start = $2, minute_count = $3, hour_start = $4, hour_count = $5,
                day_start = $6, day_count = $7 WHERE provider = $1`, [provider, windows.minute, minuteUsed + take, windows.hour, hourUsed + take, windows.day, dayUsed + take]);
            return take;
        });
        this.leases.set(provider, { minute: windows.minute.getTime(), remaining: granted });
        return granted;
    }
};
exports.ProviderBudgets = ProviderBudgets;
exports.ProviderBudgets = ProviderBudgets = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_db_1.MfaDb])
], ProviderBudgets);
//# sourceMappingURL=provider-budgets.js.map