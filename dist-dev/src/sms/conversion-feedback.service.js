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
exports.ConversionFeedback = void 0;
const common_1 = require("@nestjs/common");
const error_summary_1 = require("../common/error-summary");
const background_tasks_1 = require("../common/background-tasks");
const mfa_metrics_1 = require("../metrics/mfa-metrics");
const sms_provider_1 = require("./providers/sms-provider");
let ConversionFeedback = class ConversionFeedback {
    metrics;
    logger = new common_1.Logger('ConversionFeedback');
    byName;
    tasks = new background_tasks_1.BackgroundTasks();
    constructor(providers, metrics) {
        this.metrics = metrics;
        this.byName = new Map(providers.filter((p) => p.enabled && p.confirmConversion).map((p) => [p.name, p]));
    }
    converted(delivery) {
        const adapter = delivery && this.byName.get(delivery.provider);
        if (adapter)
            this.tasks.run(() => this.tell(adapter, delivery));
    }
    beforeApplicationShutdown() {
        return this.tasks.close();
    }
    settled() {
        return this.tasks.settled();
    }
    async tell(adapter, { provider, providerMessageId, channel }) {
        try {
            await adapter.confirmConversion(providerMessageId, channel);
            this.metrics.feedbackTotal.inc({ provider, result: 'sent' });
        }
        catch (err) {
            this.metrics.feedbackTotal.inc({ provider, result: 'failed' });
            this.logger.warn(`conversion feedback to ${provider} failed: ${(0, error_summary_1.errorSummary)(err)}`);
        }
    }
};
exports.ConversionFeedback = ConversionFeedback;
exports.ConversionFeedback = ConversionFeedback = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(sms_provider_1.SMS_PROVIDERS)),
    __metadata("design:paramtypes", [Array, mfa_metrics_1.MfaMetrics])
], ConversionFeedback);
//# sourceMappingURL=conversion-feedback.service.js.map