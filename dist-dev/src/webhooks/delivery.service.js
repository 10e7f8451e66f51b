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
exports.DeliveryService = void 0;
const common_1 = require("@nestjs/common");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const spend_guard_1 = require("../sms/pricing/spend-guard");
const send_log_repository_1 = require("../sms/send-log.repository");
const voice_fallback_service_1 = require("../sms/voice-fallback.service");
let DeliveryService = class DeliveryService {
    sendLog;
    metrics;
    spend;
    fallback;
    constructor(sendLog, metrics, spend, fallback) {
        this.sendLog = sendLog;
        this.metrics = metrics;
        this.spend = spend;
        this.fallback = fallback;
    }
    async report({ provider, messageId, status, errorCode, priceUsd, unreached }) {
        if (priceUsd !== undefined) {
            const corrected = await this.sendLog.reportPrice(provider, messageId, priceUsd);
            if (corrected)
                await this.spend.correct(corrected.country, corrected.at, corrected.deltaUsd);
        }
        if (!status)
            return;
        const outcome = await this.sendLog.applyDeliveryStatus(provider, messageId, status, errorCode?.slice(0, 32));
        if (outcome.deliveredAfterSeconds !== undefined) {
            this.metrics.deliverySeconds.observe({ provider }, outcome.deliveredAfterSeconds);
        }
        if (outcome.applied && unreached && outcome.challengeId && outcome.channel !== 'voice') {
            this.fallback.afterUndelivered(outcome.challengeId);
        }
    }
};
exports.DeliveryService = DeliveryService;
exports.DeliveryService = DeliveryService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [send_log_repository_1.SendLogRepository,
        mfa_metrics_1.MfaMetrics,
        spend_guard_1.SpendGuard,
        voice_fallback_service_1.VoiceFallback])
], DeliveryService);
//# sourceMappingURL=delivery.service.js.map