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
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.SpendGuard = exports.ALL_DESTINATIONS = void 0;
exports.utcDay = utcDay;
const common_1 = require("@nestjs/common");
const clock_1 = require("../../common/clock");
const mfa_error_1 = require("../../common/mfa-error");
const sms_config_1 = require("../sms.config");
const mfa_metrics_1 = require("../../metrics/mfa-metrics");
const price_book_1 = require("./price-book");
const spend_repository_1 = require("./spend.repository");
const DAY = 86_400_000;
exports.ALL_DESTINATIONS = '*';
let SpendGuard = class SpendGuard {
    config;
    clock;
    prices;
    spend;
    metrics;
    constructor(config, clock, prices, spend, metrics) {
        this.config = config;
        this.clock = clock;
        this.prices = prices;
        this.spend = spend;
        this.metrics = metrics;
    }
    caps(country) {
        const scopes = [];
        const caps = [];
        if (this.config.dailySpendLimitUsd !== undefined) {
            scopes.push(exports.ALL_DESTINATIONS);
            caps.push(this.config.dailySpendLimitUsd);
        }
        if (this.config.countryDailySpendLimitUsd !== undefined) {
            scopes.push(country ?? 'ZZ');
            caps.push(this.config.countryDailySpendLimitUsd);
        }
        return { scopes, caps };
    }
    async reserve(country, worstCase) {
        const { scopes, caps } = this.caps(country);
        if (!scopes.length)
            return undefined;
        const now = this.clock.now();
        const day = utcDay(now);
        const amount = worstCase();
        const refused = await this.spend.take(day, scopes, caps, amount);
        if (refused) {
            const limit = refused === exports.ALL_DESTINATIONS ? 'spend_daily' : 'spend_country_daily';
            const nextDay = Math.floor(now.getTime() / DAY) * DAY + DAY;
            this.metrics.rateLimitedTotal.inc({ limit });
            throw new mfa_error_1.MfaError('SPEND_LIMIT_REACHED', undefined, {
                limit,
                retryAfterSeconds: Math.max(1, Math.ceil((nextDay - now.getTime()) / 1000)),
            });
        }
        return { day, scopes, amount };
    }
    async release(reservation) {
        if (reservation)
            await this.spend.add(reservation.day, reservation.scopes, -reservation.amount);
    }
    async settle(reservation, country, costUsd) {
        this.countSpend(country, costUsd);
        if (reservation)
            await this.spend.add(reservation.day, reservation.scopes, costUsd - reservation.amount);
    }
    async correct(country, at, deltaUsd) {
        if (deltaUsd > 0)
            this.countSpend(country, deltaUsd);
        const { scopes } = this.caps(country);
        if (scopes.length)
            await this.spend.add(utcDay(at), scopes, deltaUsd);
    }
    countSpend(country, usd) {
        this.metrics.spendUsdTotal.inc({ country: this.prices.lists(country) ? country : 'other' }, usd);
    }
};
exports.SpendGuard = SpendGuard;
exports.SpendGuard = SpendGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_config_1.SMS_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, price_book_1.PriceBook,
        spend_repository_1.SpendRepository,
        mfa_metrics_1.MfaMetrics])
], SpendGuard);
function utcDay(at) {
    return at.toISOString().slice(0, 10);
}
//# sourceMappingURL=spend-guard.js.map