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
exports.MfaMetrics = void 0;
const common_1 = require("@nestjs/common");
const prom_client_1 = require("prom-client");
let MfaMetrics = class MfaMetrics {
    registry = new prom_client_1.Registry();
    counter(name, help, labelNames) {
        return new prom_client_1.Counter({ name, help, labelNames, registers: [this.registry] });
    }
    sendTotal = this.counter('sms_send_total', 'SMS send attempts by provider and outcome', ['provider', 'status']);
    failoverTotal = this.counter('sms_failover_total', 'Failovers from one provider to the next', ['from', 'to']);
    deliverySeconds = new prom_client_1.Histogram({
        name: 'sms_delivery_seconds',
        help: 'Time from send to the delivered status callback',
        labelNames: ['provider'],
        buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 600],
        registers: [this.registry],
    });
    fallbackTotal = this.counter('sms_voice_fallback_total', 'Voice fallbacks after an undelivered report, by outcome (sent, refused, failed)', ['result']);
    feedbackTotal = this.counter('sms_conversion_feedback_total', 'Conversion feedback told to providers after a verified code, by provider and outcome (sent, failed)', ['provider', 'result']);
    costTotal = this.counter('sms_cost_total', 'Reported SMS cost by provider and currency', ['provider', 'currency']);
    spendUsdTotal = this.counter('sms_spend_usd_total', 'SMS spend in US dollars (reported price, else the estimate) by destination country (or "other")', ['country']);
    fraudTriggersTotal = this.counter('sms_fraud_triggers_total', 'Fraud rule triggers', ['rule']);
    rateLimitedTotal = this.counter('sms_rate_limited_total', 'Requests refused by a limit', ['limit']);
    verifyTotal = this.counter('sms_verify_total', 'Verification outcomes', ['result']);
    providerUp = new prom_client_1.Gauge({
        name: 'sms_provider_up',
        help: '1 when the provider is enabled and its circuit is not open',
        labelNames: ['provider'],
        registers: [this.registry],
    });
    redisUp = new prom_client_1.Gauge({
        name: 'mfa_redis_up',
        help: '1 while the Redis of the shared HTTP throttle is connected (only with REDIS_URL)',
        registers: [this.registry],
    });
    throttleFallbackTotal = new prom_client_1.Counter({
        name: 'mfa_throttle_fallback_total',
        help: 'Times HTTP throttling fell back to this instance\'s memory because Redis was unreachable',
        registers: [this.registry],
    });
    stopDefaults;
    constructor() {
        (0, prom_client_1.collectDefaultMetrics)({ register: this.registry });
        this.stopDefaults = () => this.registry.clear();
    }
    onModuleDestroy() {
        this.stopDefaults();
    }
};
exports.MfaMetrics = MfaMetrics;
exports.MfaMetrics = MfaMetrics = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [])
], MfaMetrics);
//# sourceMappingURL=mfa-metrics.js.map