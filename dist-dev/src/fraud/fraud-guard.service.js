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
exports.FraudGuard = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const mfa_error_1 = require("../common/mfa-error");
const fraud_config_1 = require("./fraud.config");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const mask_1 = require("../phone/mask");
const fraud_events_repository_1 = require("./fraud-events.repository");
const fraud_stats_repository_1 = require("./fraud-stats.repository");
const rules_1 = require("./rules");
const test_range_rule_1 = require("./rules/test-range.rule");
function tryingOut(config) {
    return config.nodeEnv === 'development' && config.mockSmsEnabled && !config.twilioEnabled && !config.awsSnsEnabled && !config.awsEumEnabled;
}
let FraudGuard = class FraudGuard {
    config;
    clock;
    stats;
    events;
    metrics;
    logger = new common_1.Logger('FraudGuard');
    rules;
    statisticRules;
    testNumbers;
    constructor(config, clock, stats, events, metrics) {
        this.config = config;
        this.clock = clock;
        this.stats = stats;
        this.events = events;
        this.metrics = metrics;
        this.rules = rules_1.FRAUD_RULES.filter((r) => !config.fraudDisabledRules.includes(r.name) && !(r === test_range_rule_1.testRangeRule && tryingOut(config)));
        this.statisticRules = this.rules.some((r) => r.usesStatistics);
        this.testNumbers = Object.keys(config.testNumbers);
    }
    async check(check) {
        const now = this.clock.now();
        const ctx = { ...check };
        if (check.withStatistics && this.statisticRules) {
            ctx.stats = await this.stats.read({
                ...check,
                now,
                settleMinutes: this.config.fraudConversionSettleMinutes,
                testNumbers: this.testNumbers,
            });
        }
        const proven = ctx.stats?.requesterProven ?? false;
        const refusing = [];
        const watched = [];
        for (const rule of this.rules) {
            const trigger = rule.evaluate(ctx, this.config);
            if (!trigger || (rule.scope === 'region' && proven))
                continue;
            (trigger.coldStart ? watched : refusing).push(trigger);
        }
        const block = this.config.fraudMode === 'block';
        if (watched.length)
            await this.report(watched, ctx, 'monitored');
        if (!refusing.length)
            return;
        await this.report(refusing, ctx, block ? 'blocked' : 'monitored');
        if (block)
            throw new mfa_error_1.MfaError('SUSPICIOUS_NUMBER');
    }
    async report(triggers, ctx, action) {
        const now = this.clock.now();
        const masked = (0, mask_1.maskSplit)(ctx);
        for (const t of triggers) {
            this.metrics.fraudTriggersTotal.inc({ rule: t.rule });
            this.logger.warn(`${t.rule} ${action} a send to ${masked}: ${t.detail}`);
        }
        await this.events.record(triggers.map((t) => ({
            rule: t.rule,
            action,
            maskedPhone: masked,
            prefix: ctx.prefix,
            country: ctx.country ?? null,
            userId: ctx.userId,
            clientIp: ctx.clientIp ?? null,
            detail: t.detail,
            createdAt: now,
        })));
    }
};
exports.FraudGuard = FraudGuard;
exports.FraudGuard = FraudGuard = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(fraud_config_1.FRAUD_CONFIG)),
    __param(1, (0, common_1.Inject)(clock_1.Clock)),
    __metadata("design:paramtypes", [Object, Object, fraud_stats_repository_1.FraudStatsRepository,
        fraud_events_repository_1.FraudEventsRepository,
        mfa_metrics_1.MfaMetrics])
], FraudGuard);
//# sourceMappingURL=fraud-guard.service.js.map