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
exports.SmsEvents = void 0;
const common_1 = require("@nestjs/common");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
let SmsEvents = class SmsEvents {
    metrics;
    logger = new common_1.Logger('SmsProviders');
    constructor(metrics) {
        this.metrics = metrics;
    }
    sent(provider, result) {
        this.metrics.sendTotal.inc({ provider, status: 'accepted' });
        if (result.price !== undefined && result.currency) {
            this.metrics.costTotal.inc({ provider, currency: result.currency.toUpperCase() }, result.price);
        }
    }
    failed(provider, failure) {
        this.metrics.sendTotal.inc({ provider, status: failure.kind === 'permanent' ? 'rejected' : 'failed' });
    }
    acceptanceUnrecorded(provider) {
        this.metrics.sendTotal.inc({ provider, status: 'unrecorded' });
    }
    failedOver(from, to) {
        this.metrics.failoverTotal.inc({ from, to });
    }
    budgetSpent(provider) {
        this.metrics.sendTotal.inc({ provider, status: 'budget_exhausted' });
    }
    circuitChanged(provider, circuit) {
        this.metrics.providerUp.set({ provider }, circuit === 'open' ? 0 : 1);
        if (circuit === 'open')
            this.logger.error(`circuit of ${provider} opened: sends skip it until a probe succeeds`);
        else
            this.logger.log(`circuit of ${provider} is ${circuit}`);
    }
    providerReady(provider, enabled) {
        this.metrics.providerUp.set({ provider }, enabled ? 1 : 0);
    }
};
exports.SmsEvents = SmsEvents;
exports.SmsEvents = SmsEvents = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [mfa_metrics_1.MfaMetrics])
], SmsEvents);
//# sourceMappingURL=sms-events.js.map